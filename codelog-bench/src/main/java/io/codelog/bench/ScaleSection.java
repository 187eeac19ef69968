package io.codelog.bench;

import static io.codelog.bench.S3SideBySide.require;

import io.codelog.core.CodeLog;
import io.codelog.s3.S3CodeLogRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Section 4: how codelog's S3 create throughput and page latency change with the number of stored logs, on
 * the server directly (no added delay).
 */
final class ScaleSection {

    static final String SECTION = "4. Scale (S3, no added delay)";
    private static final int PAGE_SIZE = 20;

    private final BenchmarkOptions options;

    ScaleSection(BenchmarkOptions options) {
        this.options = options;
    }

    void run(SeededBucket data, S3CodeLogRepository store, ConcurrentRun workers, ReportTable table) {
        String size = String.format("%,d logs", data.size());
        SampleLogs samples = new SampleLogs(41);
        String runId = samples.newId(Instant.now());
        String codeId = UUID.randomUUID().toString();
        int ops = options.ops();
        List<CodeLog> payloads = new ArrayList<>(ops);
        for (int i = 0; i < ops; i++) {
            payloads.add(samples.newLog(runId, codeId));
        }
        workers.opsPerSecond(Math.min(ops, 50), i -> store.create(payloads.get(i)));
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < options.repetitions(); r++) {
            rates.add(workers.opsPerSecond(ops, i -> store.create(payloads.get(i))));
        }
        table.add(
                SECTION,
                size + ": create (id index on), " + workers.concurrency() + " threads",
                Spread.of(rates).format(0) + " ops/s",
                "",
                "",
                "");

        int runSize = data.runLogs().size();
        int pages = Math.max(1, runSize / PAGE_SIZE);
        store.listRunLogs(data.runId(), null, PAGE_SIZE, 1);
        LatencySamples latency = new LatencySamples();
        for (int i = 0; i < options.latencySamples(); i++) {
            int page = 1 + i % pages;
            latency.time(() -> require(
                    !store.listRunLogs(data.runId(), null, PAGE_SIZE, page).isEmpty()));
        }
        table.add(
                SECTION,
                size + ": page of " + PAGE_SIZE + ", run of " + runSize + ", one caller",
                latency.format() + " (p50 / p99, n=" + latency.size() + ")",
                "",
                "",
                "");
    }
}
