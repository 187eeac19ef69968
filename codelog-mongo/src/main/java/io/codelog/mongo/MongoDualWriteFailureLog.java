package io.codelog.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.codelog.core.CodeLogStorageException;
import io.codelog.core.DualWriteFailure;
import io.codelog.core.DualWriteFailureLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * A durable {@link DualWriteFailureLog} in a MongoDB collection: one document per failed copy (log id,
 * operation, time, reason), read back oldest first and removed one by one once repaired. Thread-safe.
 */
public final class MongoDualWriteFailureLog implements DualWriteFailureLog {

    /** The collection used when none is given. */
    public static final String DEFAULT_COLLECTION = "codelog_dual_write_failures";

    private static final Logger LOG = LoggerFactory.getLogger(MongoDualWriteFailureLog.class);

    static final String LOG_ID = "log_id";
    static final String OPERATION = "operation";
    static final String AT = "at";
    static final String AT_NS = "at_ns";
    static final String REASON = "reason";

    private final CodeLogCollection collection;

    /** A failure log in {@link #DEFAULT_COLLECTION}. */
    public MongoDualWriteFailureLog(MongoOperations mongo) {
        this(mongo, DEFAULT_COLLECTION);
    }

    /** A failure log in the given collection. */
    public MongoDualWriteFailureLog(MongoOperations mongo, String collection) {
        Objects.requireNonNull(mongo, "mongo is required");
        if (collection == null || collection.isBlank()) {
            throw new IllegalArgumentException("collection must not be blank");
        }
        this.collection = new CodeLogCollection(mongo, collection);
    }

    /**
     * Stores the failure. A storage failure of its own is logged as an ERROR naming the log id and operation
     * and not thrown, so that it never fails the caller's write.
     */
    @Override
    public void record(DualWriteFailure failure) {
        Objects.requireNonNull(failure, "failure");
        try {
            collection.execute("recordDualWriteFailure", raw -> raw.insertOne(toDocument(failure)));
        } catch (CodeLogStorageException e) {
            LOG.error(
                    "Could not record the dual-write failure of log {} ({}): {}",
                    failure.logId(),
                    failure.operation(),
                    e.getMessage());
        }
    }

    /**
     * Up to {@code limit} recorded failures, oldest first (by time, then by order of recording).
     *
     * @throws IllegalArgumentException when the limit is not positive
     * @throws CodeLogStorageException when MongoDB cannot be read
     */
    public List<DualWriteFailure> oldest(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
        return collection.execute("readDualWriteFailures", raw -> {
            List<DualWriteFailure> failures = new ArrayList<>();
            raw.find()
                    .sort(Sorts.ascending(AT, AT_NS, "_id"))
                    .limit(limit)
                    .forEach(document -> failures.add(fromDocument(document)));
            return failures;
        });
    }

    /**
     * Removes one recorded failure equal to this one, e.g. after its log was repaired.
     *
     * @return true when one was removed, false when none was recorded
     * @throws CodeLogStorageException when MongoDB cannot be written
     */
    public boolean remove(DualWriteFailure failure) {
        Objects.requireNonNull(failure, "failure");
        return collection.execute(
                        "removeDualWriteFailure",
                        raw -> raw.deleteOne(matching(failure)).getDeletedCount())
                > 0;
    }

    /**
     * How many failures are recorded.
     *
     * @throws CodeLogStorageException when MongoDB cannot be read
     */
    public long count() {
        return collection.execute("countDualWriteFailures", raw -> raw.countDocuments());
    }

    private static Document toDocument(DualWriteFailure failure) {
        MongoInstant at = MongoInstant.of(failure.at());
        return new Document(LOG_ID, failure.logId())
                .append(OPERATION, failure.operation())
                .append(AT, at.date())
                .append(AT_NS, at.nanosOfMilli())
                .append(REASON, failure.reason());
    }

    private static DualWriteFailure fromDocument(Document document) {
        Date at = document.getDate(AT);
        Integer nanos = document.getInteger(AT_NS);
        Instant instant = at == null ? null : new MongoInstant(at.getTime(), nanos == null ? 0 : nanos).toInstant();
        return new DualWriteFailure(
                document.getString(LOG_ID), document.getString(OPERATION), instant, document.getString(REASON));
    }

    private static Bson matching(DualWriteFailure failure) {
        MongoInstant at = MongoInstant.of(failure.at());
        return Filters.and(
                Filters.eq(LOG_ID, failure.logId()),
                Filters.eq(OPERATION, failure.operation()),
                Filters.eq(AT, at.date()),
                Filters.eq(AT_NS, at.nanosOfMilli()),
                Filters.eq(REASON, failure.reason()));
    }
}
