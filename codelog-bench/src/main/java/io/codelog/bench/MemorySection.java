package io.codelog.bench;

import io.codelog.migration.MigrationJob;
import io.codelog.testservers.ChildJvm;
import io.codelog.testservers.EmbeddedS3Server;
import io.codelog.testservers.MongoTestServer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Section 5: the heap of a migration in a JVM limited to {@value #MAX_HEAP} of heap. For each size of
 * {@code --memory-logs}, this JVM seeds the MongoDB server with that many logs, and a child JVM
 * ({@link MigrationMemoryMain}) migrates them to a bucket of a new disk-backed {@link EmbeddedS3Server} with the engine's defaults,
 * watching its heap.
 * The live heap must not grow with the number of logs: that is what makes a 1,000,000-log run fit.
 */
final class MemorySection {

    static final String SECTION = "5. Memory (migration, -Xmx" + MemorySection.MAX_HEAP + " child JVM)";
    static final String MAX_HEAP = "256m";
    static final int DAYS = 10;
    /** How much the live heap may grow from the smallest size to the largest and still count as flat. */
    static final double FLAT = 1.25;

    private static final int LIVE_SAMPLES = 20;
    private static final Duration BASE_TIMEOUT = Duration.ofMinutes(5);

    private final MongoTestServer mongo;
    private final BenchmarkOptions options;
    private final Consumer<String> progress;

    /** @param progress told the figures of each size as soon as its child is done */
    MemorySection(MongoTestServer mongo, BenchmarkOptions options, Consumer<String> progress) {
        this.mongo = mongo;
        this.progress = progress;
        this.options = options;
    }

    /** Runs one child per size, adds a row per size and the extrapolation row; returns what the children said. */
    List<HeapReport> run(ReportTable table) {
        List<HeapReport> reports = new ArrayList<>();
        for (int logs : options.memoryLogs()) {
            HeapReport report = measure(logs);
            reports.add(report);
            table.add(
                    SECTION,
                    String.format(
                            "%,d logs in %d days, %d threads, batches of %d",
                            logs, DAYS, MigrationJob.DEFAULT_CONCURRENCY, MigrationJob.DEFAULT_BATCH_SIZE),
                    report.describe(),
                    "",
                    "",
                    ReportTable.verdict(
                            report.succeeded(),
                            String.format(
                                    "finishes under -Xmx%s (exit %d, %,d of %,d migrated)",
                                    MAX_HEAP, report.exitCode(), report.migrated(), logs)));
        }
        addExtrapolation(table, reports);
        return reports;
    }

    private HeapReport measure(int logs) {
        try (EmbeddedS3Server s3 = EmbeddedS3Server.startOnDisk();
                MigrationStores stores = new MigrationStores(mongo, new S3Endpoint(s3))) {
            LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(60);
            stores.seed(from, DAYS, logs);
            String bucket = S3Endpoint.newBucket(stores.s3(), "bench-memory");
            ChildJvm.Result child = ChildJvm.mainClass(MigrationMemoryMain.class)
                    .jvmOptions(List.of("-Xmx" + MAX_HEAP))
                    .args(List.of(
                            stores.mongoConnectionString(),
                            stores.database(),
                            MigrationStores.COLLECTION,
                            s3.endpoint().toString(),
                            s3.region(),
                            s3.accessKeyId(),
                            s3.secretAccessKey(),
                            bucket,
                            from.toString(),
                            Integer.toString(DAYS),
                            Integer.toString(MigrationJob.DEFAULT_CONCURRENCY),
                            Long.toString(Math.max(1, logs / LIVE_SAMPLES))))
                    .run(BASE_TIMEOUT.plusMillis(20L * logs));
            HeapReport report = HeapReport.parse(logs, child);
            progress.accept(String.format("%,d logs: %s", logs, report.describe()));
            return report;
        }
    }

    private static void addExtrapolation(ReportTable table, List<HeapReport> reports) {
        if (reports.size() < 2) {
            table.add(SECTION, "extrapolation to 1,000,000 logs", "needs two --memory-logs sizes", "", "", "");
            return;
        }
        HeapReport smallest = reports.get(0);
        HeapReport largest = reports.get(reports.size() - 1);
        for (HeapReport report : reports) {
            if (report.logs() < smallest.logs()) {
                smallest = report;
            }
            if (report.logs() > largest.logs()) {
                largest = report;
            }
        }
        double growth = largest.liveMib() / smallest.liveMib();
        boolean flat = reports.stream().allMatch(HeapReport::succeeded) && growth <= FLAT;
        table.add(
                SECTION,
                String.format(
                        "extrapolation to 1,000,000 logs (live heap %,d → %,d logs)", smallest.logs(), largest.logs()),
                String.format(
                        "×%.2f for ×%.0f logs: ≈ %.0f MiB live at 1,000,000",
                        growth,
                        (double) largest.logs() / smallest.logs(),
                        Math.max(smallest.liveMib(), largest.liveMib())),
                "",
                "",
                ReportTable.verdict(
                        flat,
                        "live heap flat in the number of logs (≤ ×" + FLAT + "), so 1,000,000 fit -Xmx" + MAX_HEAP));
    }
}
