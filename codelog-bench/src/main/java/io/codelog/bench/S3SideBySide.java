package io.codelog.bench;

import static io.codelog.bench.ExpectedResults.require;

import io.codelog.core.CodeLog;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3CodeLogSettingsBuilder;
import io.codelog.s3.S3RequestCounter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.bson.types.ObjectId;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Section 1 for S3: codelog's S3 store against plain SDK calls doing the same work, on one server, bucket,
 * thread count and set of payloads.
 */
final class S3SideBySide {

    static final String SECTION = "1. S3 side by side";
    private static final int PAGE_RUN_SIZE = 200;
    private static final int PAGE_SIZE = 20;
    /** Unmeasured operations of each side before its measurements: JIT, connection pools, first-use probes. */
    private static final int WARM_UP_OPS = 100;

    private final S3Endpoint endpoint;
    private final BenchmarkOptions options;

    S3SideBySide(S3Endpoint endpoint, BenchmarkOptions options) {
        this.endpoint = endpoint;
        this.options = options;
    }

    void run(ReportTable table) {
        S3RequestCounter counter = new S3RequestCounter();
        try (S3Client client = endpoint.client(endpoint.endpoint(), counter);
                ConcurrentRun workers = new ConcurrentRun(options.concurrency());
                ReadThreads rawPagePool = new ReadThreads(S3CodeLogSettingsBuilder.DEFAULT_READ_CONCURRENCY)) {
            String bucket = S3Endpoint.newBucket(client, "bench-side");
            S3CodeLogSettings settings = S3CodeLogSettings.of(bucket, "codelog");
            try (S3CodeLogRepository withIndex = new S3CodeLogRepository(client, settings);
                    S3CodeLogRepository withoutIndex = new S3CodeLogRepository(client, settings.withIdIndex(false))) {
                measure(table, workers, rawPagePool, new RawS3Baseline(client, bucket), withIndex, withoutIndex);
            }
        }
    }

    private void measure(
            ReportTable table,
            ConcurrentRun workers,
            ReadThreads rawPagePool,
            RawS3Baseline raw,
            S3CodeLogRepository withIndex,
            S3CodeLogRepository withoutIndex) {
        int ops = options.ops();
        int repetitions = options.repetitions();
        String runId = new ObjectId().toHexString();
        String codeId = UUID.randomUUID().toString();
        SampleLogs samples = new SampleLogs(11);
        List<CodeLog> payloads = new ArrayList<>(ops);
        for (int i = 0; i < ops; i++) {
            payloads.add(samples.newLog(runId, codeId));
        }
        List<CodeLog> codelogCreated = Collections.synchronizedList(new ArrayList<>());
        List<CodeLog> rawCreated = Collections.synchronizedList(new ArrayList<>());

        PairedMeasurement.warmedUp(
                        workers,
                        Math.min(ops, WARM_UP_OPS),
                        ops,
                        repetitions,
                        i -> withoutIndex.create(payloads.get(i)),
                        i -> raw.putLog(RawS3Baseline.newLog(payloads.get(i))))
                .addTo(table, SECTION, "create, id index off  vs  1 PutObject", true);
        PairedMeasurement.run(
                        repetitions,
                        () -> workers.opsPerSecond(ops, i -> codelogCreated.add(withIndex.create(payloads.get(i)))),
                        () -> workers.opsPerSecond(ops, i -> rawCreated.add(raw.createWithPointer(payloads.get(i)))))
                .addTo(table, SECTION, "create, id index on  vs  2 PutObjects (log + pointer)", true);

        List<CodeLog> ours = List.copyOf(codelogCreated);
        List<CodeLog> theirs = List.copyOf(rawCreated);
        IntConsumer findById = i -> require(withIndex.findById(id(ours, i)).isPresent());
        PairedMeasurement.warmedUp(
                        workers,
                        Math.min(ops, WARM_UP_OPS),
                        ops,
                        repetitions,
                        findById,
                        i -> raw.getLog(RawS3Baseline.logKey(theirs.get(i % theirs.size()))))
                .addTo(table, SECTION, "findById (2 GETs via index)  vs  1 GetObject of a known key", false);
        PairedMeasurement.warmedUp(
                        workers,
                        Math.min(ops, WARM_UP_OPS),
                        ops,
                        repetitions,
                        findById,
                        i -> raw.getThroughPointer(id(theirs, i)))
                .addTo(table, SECTION, "findById (2 GETs via index)  vs  2 GetObjects (pointer, log)", false);

        Instant dayStart = Instant.now().truncatedTo(ChronoUnit.DAYS);
        String pageRun = samples.newId(dayStart);
        List<CodeLog> pageLogs = new ArrayList<>(PAGE_RUN_SIZE);
        for (int i = 0; i < PAGE_RUN_SIZE; i++) {
            pageLogs.add(samples.log(pageRun, codeId, dayStart.plusMillis(i)));
        }
        workers.forEach(pageLogs, log -> {
            withIndex.put(log);
            raw.putLog(log);
        });
        LocalDate day = LocalDate.ofInstant(dayStart, ZoneOffset.UTC);
        int pages = PAGE_RUN_SIZE / PAGE_SIZE;
        // A page is 21 requests or more: a tenth of the operations gives a run as long as the others.
        int pageOps = Math.max(5, ops / 10);
        PairedMeasurement.warmedUp(
                        workers,
                        pages,
                        pageOps,
                        repetitions,
                        i -> require(withIndex
                                        .listRunLogs(pageRun, null, PAGE_SIZE, 1 + i % pages)
                                        .size()
                                == PAGE_SIZE),
                        i -> require(raw.page(day, pageRun, PAGE_SIZE, 1 + i % pages, rawPagePool)
                                        .size()
                                == PAGE_SIZE))
                .addTo(
                        table,
                        SECTION,
                        "page of 20 (3 day LISTs + 20 GETs)  vs  1 ListObjectsV2 + 20 parallel GETs (16 threads)",
                        false);
    }

    private static String id(List<CodeLog> logs, int i) {
        return logs.get(i % logs.size()).id();
    }
}
