package io.codelog.bench;

import static io.codelog.bench.ExpectedResults.require;

import io.codelog.core.CodeLog;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettingsBuilder;
import io.codelog.s3.S3RequestCounter;
import java.time.Duration;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Section 3: one caller's latency of each operation through a {@link DelayProxy} that adds a fixed round trip
 * per request, codelog against the Go service's request pattern ({@link GoAlgorithm}) on the same data.
 */
final class LatencySection {

    static final String SECTION = "3. Latency with a round trip";
    private static final int PAGE_SIZE = 20;
    /**
     * Requests the Go pattern may spend on one row: its calls cost up to a thousand requests each at 100,000
     * logs, so it takes as many samples as fit, at least {@value #GO_MIN_SAMPLES} and at most codelog's.
     */
    static final int GO_REQUESTS_PER_ROW = 100;

    static final int GO_MIN_SAMPLES = 3;

    private final S3Endpoint endpoint;
    private final BenchmarkOptions options;

    LatencySection(S3Endpoint endpoint, BenchmarkOptions options) {
        this.endpoint = endpoint;
        this.options = options;
    }

    void run(SeededBucket data, ReportTable table) {
        S3RequestCounter counter = new S3RequestCounter();
        Duration delay = options.delay();
        try (DelayProxy proxy = new DelayProxy(endpoint.endpoint(), delay);
                S3Client client = endpoint.client(proxy.endpoint(), counter);
                S3CodeLogRepository store = data.store(client);
                ReadThreads getPool = new ReadThreads(S3CodeLogSettingsBuilder.DEFAULT_READ_CONCURRENCY)) {
            GoAlgorithm go = new GoAlgorithm(client, data.bucket(), data.today(), getPool);
            RawS3Baseline goWriter = new RawS3Baseline(client, data.bucket());
            String prefix = String.format("%,d logs, %d ms/request: ", data.size(), delay.toMillis());
            int samples = options.latencySamples();
            SampleLogs logs = new SampleLogs(31);
            String runId = logs.newId(java.time.Instant.now());
            String codeId = UUID.randomUUID().toString();

            // Warm-up: connections, JIT and the store's hourly legacy-root probe.
            store.listRunLogs(data.runId(), null, 1, 1);
            go.getById(data.runLogs().get(0).id());

            CodeLog fresh = data.runLogs().get(data.runLogs().size() / 2);
            CodeLog old = data.oldLog();
            int runSize = data.runLogs().size();
            int pages = Math.max(1, runSize / PAGE_SIZE);
            compare(
                    table,
                    counter,
                    prefix + "create (codelog: log + pointer PUT; Go: 1 PUT)",
                    samples,
                    () -> store.create(logs.newLog(runId, codeId)),
                    () -> goWriter.putLog(logs.log(runId, codeId, java.time.Instant.now())));
            compare(
                    table,
                    counter,
                    prefix + "findById, log of today",
                    samples,
                    () -> require(store.findById(fresh.id()).isPresent()),
                    () -> require(go.getById(fresh.id()).isPresent()));
            compare(
                    table,
                    counter,
                    prefix + "findById, log of " + SeededBucket.OLD_LOG_AGE_DAYS + " days ago",
                    samples,
                    () -> require(store.findById(old.id()).isPresent()),
                    () -> require(go.getById(old.id()).isPresent()));
            int[] page = {0};
            compare(
                    table,
                    counter,
                    prefix + "page of " + PAGE_SIZE + ", run of " + runSize,
                    samples,
                    () -> require(!store.listRunLogs(data.runId(), null, PAGE_SIZE, 1 + page[0]++ % pages)
                            .isEmpty()),
                    () -> require(!go.listRunLogs(data.runId(), PAGE_SIZE, 1 + page[0]++ % pages)
                            .isEmpty()));
            LatencySamples count = new LatencySamples();
            counter.reset();
            for (int i = 0; i < samples; i++) {
                count.time(() -> require(store.count(data.runId(), null) == runSize));
            }
            table.add(
                    SECTION,
                    prefix + "count(run)",
                    withRequests(count, counter),
                    "Go: no count algorithm given",
                    "",
                    "");
        }
    }

    private static void compare(
            ReportTable table,
            S3RequestCounter counter,
            String measurement,
            int codelogSamples,
            Runnable codelog,
            Runnable goPattern) {
        LatencySamples ours = new LatencySamples();
        counter.reset();
        for (int i = 0; i < codelogSamples; i++) {
            ours.time(codelog);
        }
        String oursText = withRequests(ours, counter);
        LatencySamples theirs = new LatencySamples();
        counter.reset();
        theirs.time(goPattern);
        long perCall = Math.max(1, counter.total());
        int goSamples = (int) Math.max(GO_MIN_SAMPLES, Math.min(codelogSamples, GO_REQUESTS_PER_ROW / perCall));
        for (int i = 1; i < goSamples; i++) {
            theirs.time(goPattern);
        }
        String theirsText = "Go: " + withRequests(theirs, counter);
        table.add(SECTION, measurement, oursText, theirsText, ours.p50RatioTo(theirs), "");
    }

    /** {@code p50 / p99 ms, N req} with the mean requests per call counted since the last reset. */
    private static String withRequests(LatencySamples samples, S3RequestCounter counter) {
        double perCall = (double) counter.total() / samples.size();
        return samples.format() + String.format(", %.0f req", perCall) + " (n=" + samples.size() + ")";
    }
}
