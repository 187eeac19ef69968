package io.codelog.migration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.MalformedCodeLogException;
import io.codelog.mongo.MongoCodeLogDocuments;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.mongo.MongoStorageFailures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Reads the MongoDB store's collection day by day for a migration: each day's documents stream through a
 * server-side cursor ordered by {@code created_at} (the store's {@code codelog_created_at} index), a batch at a
 * time, and are read as the store reads them. Documents without a usable {@code created_at} (missing, not a
 * date, or Go's zero time) form the {@value PartitionStatus#UNDATED} partition, found by a scan of the whole collection.
 * Reading a log costs no request beyond the cursor's batches; a conditional delete costs 1 round trip.
 */
final class MongoLogSource implements LogSource {

    private final MongoOperations mongo;
    private final String collection;
    private final MongoCodeLogRepository repository;

    /**
     * A source over the store's collection; creates no index and makes no request here.
     *
     * @param settings the store's settings: the collection name and rules are used
     */
    MongoLogSource(MongoOperations mongo, MongoCodeLogSettings settings) {
        this.mongo = Objects.requireNonNull(mongo, "mongo");
        Objects.requireNonNull(settings, "settings");
        this.collection = settings.collection();
        this.repository = new MongoCodeLogRepository(mongo, settings.withCreateIndexes(false));
    }

    @Override
    public String name() {
        return "mongo";
    }

    @Override
    public List<String> partitions(LocalDate from, LocalDate toExclusive, boolean includeUndated) {
        List<String> partitions = new ArrayList<>(DayRange.days(from, toExclusive));
        if (includeUndated) {
            partitions.add(PartitionStatus.UNDATED);
        }
        return partitions;
    }

    /**
     * Streams a day's documents oldest first (or the undated ones in natural order, always from the start).
     * Resuming after a position starts at that position's millisecond, so the documents of that millisecond are
     * listed again.
     */
    @Override
    public SourceCursor open(String partition, @Nullable String resumeAfter, int batchSize, RequestGate gate) {
        Bson filter;
        Bson sort = null;
        if (PartitionStatus.UNDATED.equals(partition)) {
            filter = Filters.or(
                    Filters.not(Filters.type(MongoCodeLogDocuments.CREATED_AT, BsonType.DATE_TIME)),
                    Filters.eq(MongoCodeLogDocuments.CREATED_AT, MongoCodeLogDocuments.GO_ZERO_TIME));
        } else {
            DayRange day = DayRange.of(partition);
            Date start = resumeAfter == null
                    ? day.startDate()
                    : new Date(Math.max(day.startDate().getTime(), Long.parseLong(resumeAfter)));
            filter = Filters.and(
                    Filters.gte(MongoCodeLogDocuments.CREATED_AT, start),
                    Filters.lt(MongoCodeLogDocuments.CREATED_AT, day.endDate()));
            sort = new Document(MongoCodeLogDocuments.CREATED_AT, 1);
        }
        return new MongoDayCursor(documents(), collection, partition, filter, sort, batchSize);
    }

    /** Reads the document as the store does; costs no request. */
    @Override
    public SourceLog read(SourceEntry entry, RequestGate gate) {
        try {
            return SourceLog.readable(entry, MongoCodeLogDocuments.read((Document) entry.origin()));
        } catch (MalformedCodeLogException e) {
            return SourceLog.unreadable(entry, e.reason());
        }
    }

    /** Deletes the document only if every field still has the value that was read: 1 round trip. */
    @Override
    public boolean deleteIfUnchanged(SourceLog read, RequestGate gate) {
        Document original = (Document) read.entry().origin();
        List<Bson> sameFields = new ArrayList<>(original.size());
        for (Map.Entry<String, Object> field : original.entrySet()) {
            sameFields.add(Filters.eq(field.getKey(), field.getValue()));
        }
        gate.acquire(RequestKind.MONGO);
        long deleted = MongoStorageFailures.run(
                "migration.deleteSource",
                collection,
                () -> documents().deleteOne(Filters.and(sameFields)).getDeletedCount());
        return deleted > 0;
    }

    @Override
    public CodeLogRepository repository() {
        return repository;
    }

    private MongoCollection<Document> documents() {
        return MongoStorageFailures.run("migration.read", collection, () -> mongo.getCollection(collection));
    }
}
