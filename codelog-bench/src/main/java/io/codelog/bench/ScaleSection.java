package io.codelog.bench;

import static io.codelog.bench.ExpectedResults.require;

import io.codelog.core.CodeLog;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettingsBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Section 4: how codelog's S3 create throughput and page latency change with the number of stored logs, on
 * the server directly (no added delay), each next to raw SDK calls doing the same work in the same bucket, so
 * that what the server does with a larger bucket shows on both sides and what codelog adds shows in the ratio.
 */
final class ScaleSection {

    static final String SECTION = "4. Scale (S3, no added delay)";
    private static final int PAGE_SIZE = 20;

    private final BenchmarkOptions options;

    ScaleSection(BenchmarkOptions options) {
        this.options = options;
    }

    void run(SeededBucket data, S3Client client, S3CodeLogRepository store, ConcurrentRun workers, ReportTable table) {
        String size = String.format("%,d logs", data.size());
        RawS3Baseline raw = new RawS3Baseline(client, data.bucket());
        SampleLogs samples = new SampleLogs(41);
        String runId = samples.newId(Instant.now());
        String codeId = UUID.randomUUID().toString();
        int ops = options.ops();
        List<CodeLog> payloads = new ArrayList<>(ops);
        for (int i = 0; i < ops; i++) {
            payloads.add(samples.newLog(runId, codeId));
        }
        PairedMeasurement.warmedUp(
                        workers,
                        Math.min(ops, 50),
                        ops,
                        options.repetitions(),
                        i -> store.create(payloads.get(i)),
                        i -> raw.createWithPointer(payloads.get(i)))
                .addTo(
                        table,
                        SECTION,
                        size + ": create (id index on)  vs  2 PutObjects, " + workers.concurrency() + " threads",
                        "ops/s",
                        Double.NaN);

        int runSize = data.runLogs().size();
        int pages = Math.max(1, runSize / PAGE_SIZE);
        List<String> prefixes = data.runDayPrefixes();
        try (ReadThreads pool = new ReadThreads(S3CodeLogSettingsBuilder.DEFAULT_READ_CONCURRENCY)) {
            store.listRunLogs(data.runId(), null, PAGE_SIZE, 1);
            raw.page(prefixes, PAGE_SIZE, 1, pool);
            LatencySamples ours = new LatencySamples();
            LatencySamples theirs = new LatencySamples();
            for (int i = 0; i < options.latencySamples(); i++) {
                int page = 1 + i % pages;
                ours.time(() -> require(
                        !store.listRunLogs(data.runId(), null, PAGE_SIZE, page).isEmpty()));
                theirs.time(
                        () -> require(!raw.page(prefixes, PAGE_SIZE, page, pool).isEmpty()));
            }
            table.add(
                    SECTION,
                    size + ": page of " + PAGE_SIZE + ", run of " + runSize
                            + ", one caller  vs  1 ListObjectsV2 per day of the run + 20 parallel GETs",
                    ours.format() + " (p50 / p99, n=" + ours.size() + ")",
                    theirs.format() + " (p50 / p99)",
                    ours.p50RatioTo(theirs),
                    "");
        }
    }
}
