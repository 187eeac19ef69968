package io.codelog.migration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.codelog.mongo.MongoStorageFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The partitions of one job in {@value MigrationState#PARTITIONS}: one document per partition ({@code _id}
 * {@code jobId/partition}) and one for the job ({@code _id} {@code jobId}). A claim is one findAndModify that
 * takes the oldest pending partition or one whose lease expired, so two workers never both claim it; every later
 * change is conditional on the owner still holding the claim. Lease times come from the workers' clocks, which
 * must agree to well within the lease.
 */
final class MongoPartitionLedger implements PartitionLedger {

    static final String KIND = "kind";
    static final String JOB_ID = "job_id";
    static final String PARTITION = "partition";
    static final String STATE = "state";
    static final String OWNER = "owner";
    static final String LEASE = "lease_expires_at";
    static final String CLAIMS = "claims";
    static final String COUNTS = "counts";
    static final String LAST_POSITION = "last_position";
    static final String LAST_ID = "last_id";
    static final String UPDATED_AT = "updated_at";

    private static final int REGISTER_BATCH = 1_000;

    private final Supplier<MongoCollection<Document>> collection;
    private final String collectionName;
    private final String jobId;

    MongoPartitionLedger(Supplier<MongoCollection<Document>> collection, String collectionName, String jobId) {
        this.collection = collection;
        this.collectionName = collectionName;
        this.jobId = jobId;
    }

    @Override
    public void register(JobDefinition job, List<String> partitions) {
        Document definition = new Document(KIND, "job")
                .append(JOB_ID, job.jobId())
                .append("source", job.source())
                .append("target", job.target())
                .append("from", job.from().toString())
                .append("to", job.toExclusive().toString());
        Document stored = run(
                "register",
                () -> collection
                        .get()
                        .findOneAndUpdate(
                                Filters.eq("_id", jobId),
                                Updates.setOnInsert(definition),
                                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
        for (String field : List.of("source", "target", "from", "to")) {
            if (!definition.get(field).equals(stored.get(field))) {
                throw new MigrationException("Job '" + jobId + "' was started from " + stored.get("source") + " to "
                        + stored.get("target") + " for the days [" + stored.get("from") + ", " + stored.get("to")
                        + "); give a new job id to migrate another range or direction");
            }
        }
        for (int start = 0; start < partitions.size(); start += REGISTER_BATCH) {
            List<WriteModel<Document>> upserts = new ArrayList<>();
            for (String partition : partitions.subList(start, Math.min(partitions.size(), start + REGISTER_BATCH))) {
                upserts.add(new UpdateOneModel<>(
                        Filters.eq("_id", partitionId(partition)),
                        Updates.combine(
                                Updates.setOnInsert(KIND, PARTITION),
                                Updates.setOnInsert(JOB_ID, jobId),
                                Updates.setOnInsert(PARTITION, partition),
                                Updates.setOnInsert(STATE, PartitionState.PENDING.name()),
                                Updates.setOnInsert(CLAIMS, 0),
                                Updates.setOnInsert(COUNTS, countsDocument(PartitionCounts.ZERO))),
                        new UpdateOptions().upsert(true)));
            }
            run("register", () -> collection.get().bulkWrite(upserts));
        }
    }

    @Override
    public Optional<ClaimedPartition> claim(String owner, Instant now, Duration lease) {
        Bson claimable = Filters.and(
                Filters.eq(JOB_ID, jobId),
                Filters.eq(KIND, PARTITION),
                Filters.or(
                        Filters.eq(STATE, PartitionState.PENDING.name()),
                        Filters.and(
                                Filters.eq(STATE, PartitionState.CLAIMED.name()), Filters.lt(LEASE, Date.from(now)))));
        Document claimed = run(
                "claim",
                () -> collection
                        .get()
                        .findOneAndUpdate(
                                claimable,
                                Updates.combine(
                                        Updates.set(STATE, PartitionState.CLAIMED.name()),
                                        Updates.set(OWNER, owner),
                                        Updates.set(LEASE, Date.from(now.plus(lease))),
                                        Updates.set(UPDATED_AT, Date.from(now)),
                                        Updates.inc(CLAIMS, 1)),
                                new FindOneAndUpdateOptions()
                                        .sort(Sorts.ascending(PARTITION))
                                        .returnDocument(ReturnDocument.AFTER)));
        if (claimed == null) {
            return Optional.empty();
        }
        PartitionStatus status = toStatus(claimed);
        return Optional.of(new ClaimedPartition(
                status.partition(),
                new Checkpoint(status.lastPosition(), status.lastId(), status.counts()),
                status.claims()));
    }

    @Override
    public boolean checkpoint(String partition, String owner, Checkpoint checkpoint, Instant now, Duration lease) {
        return updateHeld(
                "checkpoint", partition, owner, checkpoint, now, Updates.set(LEASE, Date.from(now.plus(lease))));
    }

    @Override
    public boolean complete(String partition, String owner, Checkpoint checkpoint, Instant now) {
        return updateHeld(
                "complete",
                partition,
                owner,
                checkpoint,
                now,
                Updates.combine(
                        Updates.set(STATE, PartitionState.DONE.name()),
                        Updates.set(LEASE, null),
                        Updates.set("done_at", Date.from(now))));
    }

    @Override
    public void release(String partition, String owner, Checkpoint checkpoint, Instant now) {
        updateHeld(
                "release",
                partition,
                owner,
                checkpoint,
                now,
                Updates.combine(Updates.set(STATE, PartitionState.PENDING.name()), Updates.set(LEASE, null)));
    }

    @Override
    public Tally tally() {
        Bson ofJob = Filters.and(Filters.eq(JOB_ID, jobId), Filters.eq(KIND, PARTITION));
        long total = run("tally", () -> collection.get().countDocuments(ofJob));
        long done = run(
                "tally",
                () -> collection
                        .get()
                        .countDocuments(Filters.and(ofJob, Filters.eq(STATE, PartitionState.DONE.name()))));
        return new Tally(total, done);
    }

    @Override
    public List<PartitionStatus> unfinished() {
        return find(Filters.and(
                Filters.eq(JOB_ID, jobId), Filters.eq(KIND, PARTITION), Filters.ne(STATE, PartitionState.DONE.name())));
    }

    /** Every partition of the job, oldest first. */
    List<PartitionStatus> statuses() {
        return find(Filters.and(Filters.eq(JOB_ID, jobId), Filters.eq(KIND, PARTITION)));
    }

    private List<PartitionStatus> find(Bson filter) {
        List<Document> documents = run(
                "status",
                () -> collection
                        .get()
                        .find(filter)
                        .sort(Sorts.ascending(PARTITION))
                        .into(new ArrayList<>()));
        return documents.stream().map(MongoPartitionLedger::toStatus).toList();
    }

    private boolean updateHeld(
            String operation, String partition, String owner, Checkpoint checkpoint, Instant now, Bson change) {
        Bson held = Filters.and(
                Filters.eq("_id", partitionId(partition)),
                Filters.eq(OWNER, owner),
                Filters.eq(STATE, PartitionState.CLAIMED.name()));
        Bson update = Updates.combine(
                change,
                Updates.set(COUNTS, countsDocument(checkpoint.counts())),
                Updates.set(LAST_POSITION, checkpoint.position()),
                Updates.set(LAST_ID, checkpoint.lastId()),
                Updates.set(UPDATED_AT, Date.from(now)));
        return run(operation, () -> collection.get().updateOne(held, update).getMatchedCount()) > 0;
    }

    private String partitionId(String partition) {
        return jobId + "/" + partition;
    }

    private <T> T run(String operation, Supplier<T> call) {
        return MongoStorageFailures.run("migration." + operation, collectionName, call);
    }

    static Document countsDocument(PartitionCounts counts) {
        return new Document("read", counts.read())
                .append("migrated", counts.migrated())
                .append("skipped", counts.skipped())
                .append("quarantined", counts.quarantined());
    }

    static PartitionStatus toStatus(Document document) {
        Document counts = document.get(COUNTS, Document.class);
        Date lease = document.getDate(LEASE);
        Number claims = document.get(CLAIMS, Number.class);
        return new PartitionStatus(
                document.getString(JOB_ID),
                document.getString(PARTITION),
                PartitionState.valueOf(document.getString(STATE)),
                document.getString(OWNER),
                lease == null ? null : lease.toInstant(),
                claims == null ? 0 : claims.intValue(),
                counts == null
                        ? PartitionCounts.ZERO
                        : new PartitionCounts(
                                number(counts, "read"),
                                number(counts, "migrated"),
                                number(counts, "skipped"),
                                number(counts, "quarantined")),
                document.getString(LAST_POSITION),
                document.getString(LAST_ID));
    }

    private static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
