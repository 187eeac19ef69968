package io.codelog.mongo;

import io.codelog.core.CodeLogRules;
import java.util.Objects;

/**
 * How a {@link MongoCodeLogRepository} stores its logs.
 *
 * @param collection the collection that holds the logs, the Go service's {@code codelog} by default
 * @param createIndexes whether the store creates its indexes when it is constructed
 * @param rules the content limit, clock and id generator applied before every write
 * @param deleteBatchSize how many logs one round of {@link MongoCodeLogRepository#deleteOlder} deletes, 1 to
 *     {@value #MAX_DELETE_BATCH_SIZE}
 */
public record MongoCodeLogSettings(String collection, boolean createIndexes, CodeLogRules rules, int deleteBatchSize) {

    /** The Go service's collection name. */
    public static final String DEFAULT_COLLECTION = "codelog";

    /** The default number of logs deleted per round by {@link MongoCodeLogRepository#deleteOlder}. */
    public static final int DEFAULT_DELETE_BATCH_SIZE = 1_000;

    /** The largest batch: bounds the size of one {@code $in} list of ids. */
    public static final int MAX_DELETE_BATCH_SIZE = 10_000;

    /**
     * Checks the settings, so that a misconfigured store fails when it is built rather than on first use.
     *
     * @throws IllegalArgumentException when the collection name or the batch size is unusable
     * @throws NullPointerException when rules are null
     */
    public MongoCodeLogSettings {
        checkCollectionName(collection);
        Objects.requireNonNull(rules, "rules are required (use CodeLogRules.defaults())");
        if (deleteBatchSize < 1 || deleteBatchSize > MAX_DELETE_BATCH_SIZE) {
            throw new IllegalArgumentException(
                    "deleteBatchSize must be from 1 to " + MAX_DELETE_BATCH_SIZE + ", was " + deleteBatchSize);
        }
    }

    /** The collection {@code codelog}, indexes created, default rules, batches of 1,000. */
    public static MongoCodeLogSettings defaults() {
        return new MongoCodeLogSettings(DEFAULT_COLLECTION, true, CodeLogRules.defaults(), DEFAULT_DELETE_BATCH_SIZE);
    }

    /** These settings with another collection. */
    public MongoCodeLogSettings withCollection(String newCollection) {
        return new MongoCodeLogSettings(newCollection, createIndexes, rules, deleteBatchSize);
    }

    /** These settings with index creation switched on or off. */
    public MongoCodeLogSettings withCreateIndexes(boolean newCreateIndexes) {
        return new MongoCodeLogSettings(collection, newCreateIndexes, rules, deleteBatchSize);
    }

    /** These settings with other rules. */
    public MongoCodeLogSettings withRules(CodeLogRules newRules) {
        return new MongoCodeLogSettings(collection, createIndexes, newRules, deleteBatchSize);
    }

    /** These settings with another delete batch size. */
    public MongoCodeLogSettings withDeleteBatchSize(int newDeleteBatchSize) {
        return new MongoCodeLogSettings(collection, createIndexes, rules, newDeleteBatchSize);
    }

    private static void checkCollectionName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("collection is required (e.g. \"" + DEFAULT_COLLECTION + "\")");
        }
        if (name.indexOf('$') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("collection must not contain '$' or NUL characters");
        }
        if (name.startsWith("system.")) {
            throw new IllegalArgumentException("collection must not start with \"system.\" (reserved by MongoDB)");
        }
    }
}
