package io.codelog.bench;

import static io.codelog.bench.ExpectedResults.require;

import io.codelog.migration.MigrationEngine;
import io.codelog.migration.MigrationJob;
import io.codelog.migration.MigrationListener;
import io.codelog.migration.MigrationSummary;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Section 1 for migration: codelog-migration's engine copying {@code --migration-logs} logs from the MongoDB
 * store to the S3 store, against {@link RawMigrationLoop} doing the same copy with the raw driver and SDK, on
 * the same servers, clients and number of threads; each repetition writes to a new bucket. Also prints the
 * requests each side sent for one migration.
 */
final class MigrationSideBySide {

    static final String SECTION = "1. Migration side by side";
    static final double TARGET_RATIO = 0.8;
    static final int DAYS = 5;
    private static final int WARM_UP_LOGS = 500;

    private final MigrationStores stores;
    private final BenchmarkOptions options;
    private final MongoTemplate mongo;
    private final S3Client s3;
    private String codelogRequests = "";
    private String rawRequests = "";

    MigrationSideBySide(MigrationStores stores, BenchmarkOptions options) {
        this.stores = stores;
        this.options = options;
        this.mongo = stores.template();
        this.s3 = stores.s3();
    }

    void run(ReportTable table) {
        int logs = options.migrationLogs();
        int warmUpLogs = Math.min(WARM_UP_LOGS, logs);
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(30);
        LocalDate warmUpDay = from.minusDays(1);
        stores.seed(warmUpDay, 1, warmUpLogs);
        stores.seed(from, DAYS, logs);
        RawMigrationLoop raw = new RawMigrationLoop(stores.logs(), s3, options.concurrency());

        // Warm-up on the day before the range: JIT, connection pools, the migration state's collections.
        engine(warmUpDay, 1, warmUpLogs);
        raw(raw, warmUpDay, 1, warmUpLogs);
        PairedMeasurement.run(options.repetitions(), () -> engine(from, DAYS, logs), () -> raw(raw, from, DAYS, logs))
                .addTo(
                        table,
                        SECTION,
                        String.format(
                                "migrate %,d logs Mongo → S3 (%d days), %d threads  vs  raw cursor + 2 PutObjects per"
                                        + " log",
                                logs, DAYS, options.concurrency()),
                        "logs/s",
                        TARGET_RATIO);
        table.add(
                SECTION,
                String.format(
                        "requests of one migration of %,d logs (codelog: 1 LIST per day to check the target)", logs),
                codelogRequests,
                rawRequests,
                "",
                "");
    }

    /** One run of the engine into a new bucket; returns logs per second. */
    private double engine(LocalDate from, int days, int logs) {
        String bucket = S3Endpoint.newBucket(s3, "bench-migrate");
        S3CodeLogSettings settings = S3CodeLogSettings.of(bucket, "codelog");
        try (S3CodeLogRepository repository = new S3CodeLogRepository(s3, settings)) {
            MigrationEngine engine = MigrationEngine.mongoToS3(
                    mongo, stores.mongoSettings(), s3, settings, repository, Clock.systemUTC());
            MigrationJob job = MigrationJob.of("bench-" + UUID.randomUUID(), from, from.plusDays(days))
                    .withConcurrency(options.concurrency());
            resetCounters();
            long start = System.nanoTime();
            MigrationSummary summary =
                    engine.migrate(job, MigrationListener.none()).call();
            double seconds = (System.nanoTime() - start) / 1e9;
            codelogRequests = requests();
            require(summary.complete()
                    && summary.counts().migrated() == logs
                    && summary.counts().quarantined() == 0);
            return logs / seconds;
        } finally {
            S3Endpoint.deleteBucket(s3, bucket);
        }
    }

    /** One run of the raw loop into a new bucket; returns logs per second. */
    private double raw(RawMigrationLoop raw, LocalDate from, int days, int logs) {
        String bucket = S3Endpoint.newBucket(s3, "bench-raw-migrate");
        try {
            resetCounters();
            long start = System.nanoTime();
            long copied = raw.copy(
                    from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    from.plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    bucket);
            double seconds = (System.nanoTime() - start) / 1e9;
            rawRequests = requests();
            require(copied == logs);
            return logs / seconds;
        } finally {
            S3Endpoint.deleteBucket(s3, bucket);
        }
    }

    private void resetCounters() {
        stores.s3Counter().reset();
        stores.mongoCounter().reset();
    }

    private String requests() {
        return "S3: " + new RequestCost(stores.s3Counter().snapshot()) + "; "
                + stores.mongoCounter().describe();
    }
}
