package io.codelog.migration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.codelog.mongo.MongoStorageFailures;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The durable state of migration jobs in MongoDB: checkpoints and claims per day partition in {@value
 * #PARTITIONS}, unreadable source entries in {@value #QUARANTINE}. Needs no transactions: every change is a
 * single-document findAndModify or conditional update. Thread-safe.
 */
public final class MigrationState {

    /** The collection of job and partition documents. */
    public static final String PARTITIONS = "codelog_migration_partitions";
    /** The collection of quarantined entries. */
    public static final String QUARANTINE = "codelog_migration_quarantine";

    private final MongoOperations mongo;
    private final MongoQuarantine quarantine;

    /**
     * State on the given operations; creates the claim and quarantine indexes now.
     *
     * @throws io.codelog.core.CodeLogStorageException when the indexes cannot be created
     */
    MigrationState(MongoOperations mongo) {
        this.mongo = Objects.requireNonNull(mongo, "mongo");
        this.quarantine = new MongoQuarantine(() -> collection(QUARANTINE), QUARANTINE);
        MongoStorageFailures.run(
                "migration.createIndexes",
                PARTITIONS,
                () -> collection(PARTITIONS)
                        .createIndex(
                                Indexes.ascending(MongoPartitionLedger.JOB_ID, MongoPartitionLedger.STATE, "partition"),
                                new IndexOptions().name("codelog_migration_claim")));
        MongoStorageFailures.run(
                "migration.createIndexes",
                QUARANTINE,
                () -> collection(QUARANTINE)
                        .createIndex(
                                Indexes.ascending("job_id", "source_key"),
                                new IndexOptions().name("codelog_quarantine_job")));
    }

    /** Every partition of a job, oldest day first. */
    public List<PartitionStatus> partitions(String jobId) {
        return ledger(MigrationJob.checkJobId(jobId)).statuses();
    }

    /** The first {@code limit} quarantined entries of a job, by source key. */
    public List<QuarantineEntry> quarantine(String jobId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
        return quarantine.entries(MigrationJob.checkJobId(jobId), limit);
    }

    /** How many entries a job quarantined. */
    public long quarantineCount(String jobId) {
        return quarantine.count(MigrationJob.checkJobId(jobId));
    }

    MongoPartitionLedger ledger(String jobId) {
        return new MongoPartitionLedger(() -> collection(PARTITIONS), PARTITIONS, jobId);
    }

    QuarantineSink quarantineSink() {
        return quarantine;
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name);
    }
}
