package io.codelog.cli;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.codelog.mongo.MongoCodeLogDocuments;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.bson.Document;

/** Counts the MongoDB store's logs by UTC day of {@code created_at}: one count query per day, no document read. */
final class MongoDayCounts {

    private final MongoCollection<Document> logs;
    private long queries;

    MongoDayCounts(MongoCommandConnection mongo) {
        this.logs = mongo.template().getCollection(mongo.settings().collection());
    }

    /** The logs created on the UTC day. */
    long count(LocalDate day) {
        queries++;
        return logs.countDocuments(Filters.and(
                Filters.gte(MongoCodeLogDocuments.CREATED_AT, start(day)),
                Filters.lt(MongoCodeLogDocuments.CREATED_AT, start(day.plusDays(1)))));
    }

    /** The documents without a usable created_at (missing, null or Go's zero time), which no day counts. */
    long undated() {
        queries++;
        return logs.countDocuments(Filters.or(
                Filters.eq(MongoCodeLogDocuments.CREATED_AT, null),
                Filters.eq(MongoCodeLogDocuments.CREATED_AT, MongoCodeLogDocuments.GO_ZERO_TIME)));
    }

    /** The count queries sent. */
    long queries() {
        return queries;
    }

    private static Date start(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
