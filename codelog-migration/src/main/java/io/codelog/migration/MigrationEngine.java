package io.codelog.migration;

import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import java.time.Clock;
import java.util.Objects;
import org.springframework.data.mongodb.core.MongoOperations;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Moves code logs from one store to another by UTC day partitions, and compares them afterwards. Plain
 * factories, no Spring needed: build one per direction ({@link #mongoToS3} to migrate, {@link #s3ToMongo} to
 * roll back) from the stores' clients and settings, and run as many workers of a job as needed, in one process
 * or many, sharing the MongoDB state. How a store is read and written is the engine's own business.
 *
 * <p>A job's guarantees: every log of the range ends up in the target exactly as the source holds it, written
 * through the target's own {@code put} (same key and index as any other write); entries are checkpointed per
 * partition, so a worker killed at any moment loses at most the copies in flight, which the next run checks
 * again and skips when the target already holds them exactly; unreadable entries are quarantined, never dropped.
 * A log changed in the source while it is being copied (dual write) may reach the target in its older form:
 * {@link #verify} with repair afterwards settles it.
 */
public final class MigrationEngine {

    private final LogSource source;
    private final LogTarget target;
    private final MigrationState state;
    private final Clock clock;

    /**
     * An engine over any source and target; package-private so that tests can put a failing or slow store in
     * between, while users only see the two directions codelog supports.
     *
     * @param source where logs are read
     * @param target where logs are written
     * @param state where checkpoints, claims and the quarantine are kept
     * @param clock the time of leases and quarantine records; workers of one job need clocks that agree
     */
    MigrationEngine(LogSource source, LogTarget target, MigrationState state, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.state = Objects.requireNonNull(state, "state");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * An engine that migrates from the MongoDB store to the S3 store, keeping its state in the same MongoDB.
     *
     * @param clock the time of leases and quarantine records; workers of one job need clocks that agree
     */
    public static MigrationEngine mongoToS3(
            MongoOperations mongo,
            MongoCodeLogSettings mongoSettings,
            S3Client s3,
            S3CodeLogSettings s3Settings,
            S3CodeLogRepository s3Repository,
            Clock clock) {
        return new MigrationEngine(
                new MongoLogSource(mongo, mongoSettings),
                new S3LogTarget(s3, s3Settings, s3Repository),
                new MigrationState(mongo),
                clock);
    }

    /**
     * An engine that rolls back from the S3 store to the MongoDB store, keeping its state in the same MongoDB.
     *
     * @param clock the time of leases and quarantine records; workers of one job need clocks that agree
     */
    public static MigrationEngine s3ToMongo(
            S3Client s3,
            S3CodeLogSettings s3Settings,
            S3CodeLogRepository s3Repository,
            MongoOperations mongo,
            MongoCodeLogSettings mongoSettings,
            Clock clock) {
        return new MigrationEngine(
                new S3LogSource(s3, s3Settings, s3Repository),
                RepositoryLogTarget.mongo(new MongoCodeLogRepository(mongo, mongoSettings)),
                new MigrationState(mongo),
                clock);
    }

    /**
     * A run of the job by this worker; nothing happens until {@link MigrationRun#call()}.
     *
     * @param listener told about progress, e.g. by a command line display
     */
    public MigrationRun migrate(MigrationJob job, MigrationListener listener) {
        Objects.requireNonNull(job, "job");
        return new MigrationRun(job, source, target, state, Objects.requireNonNull(listener, "listener"), clock);
    }

    /**
     * Compares the source with the target over the job's days, repairing and deleting as it asks.
     *
     * @throws MigrationException when a store keeps failing
     */
    public VerificationReport verify(VerifyJob job) {
        return new Verifier(Objects.requireNonNull(job, "job"), source, target).run();
    }

    /** The store read. */
    LogSource source() {
        return source;
    }

    /** The store written. */
    LogTarget target() {
        return target;
    }

    /** The checkpoints and quarantine of this engine's jobs. */
    public MigrationState state() {
        return state;
    }
}
