package io.codelog.bench;

import static io.codelog.bench.ExpectedResults.require;

import io.codelog.core.CodeLog;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3ObjectFormat;
import io.codelog.s3.S3RequestCounter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Section 2b: the exact S3 requests of the reads whose cost depends on how many logs a day holds or on how long a
 * run lasts. Lookups of ids that are nowhere (a caller sending random ids), at each stored size as logs a day
 * (yesterday and today both hold that many, written as the Go service writes them: no id index entry), and the
 * listing and count of a run that logs for 5 days, and two pages of a UUID run. Each figure is checked against the bound {@code
 * docs/configuration.md} states for it.
 */
final class ReadCostSection {

    static final String SECTION = "2. S3 misses and long runs";
    static final int MISSES = 10;
    private static final int KEYS_PER_LIST = 1_000;
    private static final int LOGS_PER_RUN = 100;
    private static final int LONG_RUN_DAYS = 5;
    private static final int LONG_RUN_LOGS_PER_DAY = 4;
    private static final int PAGE_SIZE = 20;

    private final S3Client client;
    private final RequestMeter meter;
    private final ConcurrentRun workers;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final Random random = new Random(7);

    /** @param client a client counting its requests into {@code counter} */
    ReadCostSection(S3Client client, S3RequestCounter counter, ConcurrentRun workers) {
        this.client = client;
        this.meter = new RequestMeter(counter);
        this.workers = workers;
    }

    /** Lookups of ids that are nowhere, on a bucket whose yesterday and today each hold {@code logsADay} logs. */
    void misses(int logsADay, ReportTable table) {
        String bucket = S3Endpoint.newBucket(client, "bench-misses-" + logsADay);
        try {
            S3CodeLogSettings settings = S3CodeLogSettings.of(bucket, "");
            S3ObjectFormat format = new S3ObjectFormat(settings);
            List<CodeLog> logs = new ArrayList<>();
            logs.addAll(logsOfDay(today.minusDays(1), logsADay));
            logs.addAll(logsOfDay(today, logsADay));
            workers.forEach(logs, log -> writeAsTheGoServiceDoes(bucket, format, log));
            measureMisses(settings, logs.get(logs.size() - 1), logsADay, table);
        } finally {
            S3Endpoint.deleteBucket(client, bucket);
        }
    }

    private void measureMisses(S3CodeLogSettings settings, CodeLog goLog, int logsADay, ReportTable table) {
        String size = String.format("%,d logs a day", logsADay);
        long listsPerFullDay = listsOf(logsADay);
        // The id's day, the day before and the day after (empty: tomorrow), as the Go service's local dates require.
        long firstMissBound = 1 + listsPerFullDay * 2 + 1;
        long tenMissesBound = firstMissBound + (MISSES - 1);
        GoRequestCosts go = new GoRequestCosts(Map.of(today.minusDays(1), logsADay, today, logsADay), today);
        RequestCost goMiss = go.getById(today.minusDays(GoRequestCosts.GET_BY_ID_DAYS));
        try (S3CodeLogRepository store = new S3CodeLogRepository(client, settings)) {
            // The first call of a store also probes the legacy root, once an hour: not a cost of the lookups.
            store.findById(IdGenerator.objectIds().newId(Instant.now().minus(java.time.Duration.ofDays(20))));
            List<String> missing = missingIdsOfToday();
            RequestCost first = meter.measure(() -> store.findById(missing.get(0)), Optional.empty());
            meter.reset();
            for (String id : missing.subList(1, MISSES)) {
                require(store.findById(id).isEmpty(), "a lookup of an id that is nowhere found a log");
            }
            RequestCost rest = meter.sinceReset();
            long all = first.total() + rest.total();
            table.add(
                    SECTION,
                    size + ": 1 lookup of an id that is nowhere, its days not listed yet",
                    first.toString(),
                    "Go (model): " + goMiss,
                    "",
                    ReportTable.verdict(
                            first.total() <= firstMissBound,
                            "≤ 1 GET + 1 LIST per 1,000 logs of its day and each neighbour = " + firstMissBound));
            table.add(
                    SECTION,
                    size + ": " + MISSES + " lookups of ids that are nowhere, dated today",
                    all + " (" + String.format("%.1f", (double) all / MISSES) + " per lookup)",
                    "Go (model): " + MISSES * goMiss.total(),
                    "",
                    ReportTable.verdict(
                            all <= tenMissesBound, "≤ first + 1 GET each within the cache's 30 s = " + tenMissesBound));
            RequestCost found =
                    meter.measure(() -> store.findById(goLog.id()).map(CodeLog::id), Optional.of(goLog.id()));
            long foundBound = 1 + listsPerFullDay + 1 + 1;
            table.add(
                    SECTION,
                    size + ": lookup of a log the Go service wrote (no id index entry), which writes its entry",
                    found.toString(),
                    "Go (model): " + go.getById(today),
                    "",
                    ReportTable.verdict(
                            found.total() <= foundBound,
                            "≤ 1 GET + 1 LIST per 1,000 logs of its day + 1 GET + 1 PUT = " + foundBound));
        }
    }

    /**
     * The listing and count of a run that logs for {@value #LONG_RUN_DAYS} days, longer than {@code
     * max-run-duration}, ended a day ago: one LIST per day from its first day - 1 to its last day + 1.
     */
    void longRun(ReportTable table) {
        String bucket = S3Endpoint.newBucket(client, "bench-long-run");
        try {
            S3CodeLogSettings settings = S3CodeLogSettings.of(bucket, "");
            S3ObjectFormat format = new S3ObjectFormat(settings);
            LocalDate firstDay = today.minusDays(LONG_RUN_DAYS + 1L);
            Instant start = firstDay.atTime(0, 30).toInstant(ZoneOffset.UTC);
            String runId = IdGenerator.objectIds().newId(start.minusSeconds(3));
            String codeId = UUID.randomUUID().toString();
            List<CodeLog> run = new ArrayList<>();
            for (int i = 0; i < LONG_RUN_DAYS * LONG_RUN_LOGS_PER_DAY; i++) {
                Instant at = start.plusSeconds(i * 86_400L / LONG_RUN_LOGS_PER_DAY);
                run.add(log(IdGenerator.objectIds().newId(at), runId, codeId, at));
            }
            workers.forEach(run, log -> writeAsTheGoServiceDoes(bucket, format, log));
            long days = LONG_RUN_DAYS + 2;
            try (S3CodeLogRepository store = new S3CodeLogRepository(client, settings)) {
                store.count(runId, null); // the first call of a store also probes the legacy root once an hour
                RequestCost count = meter.measure(() -> store.count(runId, null), (long) run.size());
                String name = LONG_RUN_DAYS + "-day run of " + run.size() + " logs (ObjectId run id)";
                table.add(
                        SECTION,
                        name + ": count",
                        count.toString(),
                        "",
                        "",
                        ReportTable.verdict(
                                count.total() == count.count("ListObjectsV2") && count.total() <= days,
                                "LIST only, 1 per day from its first - 1 to its last + 1 = " + days));
                RequestCost page = meter.measure(
                        () -> store.listRunLogs(runId, null, PAGE_SIZE, 1).size(), Math.min(PAGE_SIZE, run.size()));
                table.add(
                        SECTION,
                        name + ": page 1 of " + PAGE_SIZE,
                        page.toString(),
                        "",
                        "",
                        ReportTable.verdict(
                                page.count("ListObjectsV2") <= days && page.count("GetObject") <= PAGE_SIZE,
                                "≤ " + days + " LIST + " + PAGE_SIZE + " GET, every log of the run listed"));
            }
        } finally {
            S3Endpoint.deleteBucket(client, bucket);
        }
    }

    /**
     * Two pages of a run whose id is a UUID, with logs on 2 days of the last week: the first lists every day of the
     * list window; the second, within the lookup cache's time to live, the run's days and the last three.
     */
    void uuidRun(ReportTable table) {
        String bucket = S3Endpoint.newBucket(client, "bench-uuid-run");
        try {
            S3CodeLogSettings settings = S3CodeLogSettings.of(bucket, "");
            S3ObjectFormat format = new S3ObjectFormat(settings);
            String runId = UUID.randomUUID().toString();
            String codeId = UUID.randomUUID().toString();
            Instant start = today.minusDays(5).atTime(12, 0).toInstant(ZoneOffset.UTC);
            List<CodeLog> run = new ArrayList<>();
            for (int i = 0; i < 2 * PAGE_SIZE; i++) {
                Instant at = start.plusSeconds(i % 2 * 86_400L + i);
                run.add(log(IdGenerator.objectIds().newId(at), runId, codeId, at));
            }
            workers.forEach(run, log -> writeAsTheGoServiceDoes(bucket, format, log));
            long windowDays = settings.listWindow().toDays() + 3;
            try (S3CodeLogRepository store = new S3CodeLogRepository(client, settings)) {
                store.count(UUID.randomUUID().toString(), null); // the legacy-root probe, once an hour
                String name = "UUID run of " + run.size() + " logs on 2 days";
                RequestCost first = meter.measure(
                        () -> store.listRunLogs(runId, null, PAGE_SIZE, 1).size(), PAGE_SIZE);
                table.add(
                        SECTION,
                        name + ": page 1 of " + PAGE_SIZE,
                        first.toString(),
                        "",
                        "",
                        ReportTable.verdict(
                                first.count("ListObjectsV2") <= windowDays,
                                "≤ 1 LIST per day of list-window + 3 = " + windowDays + " + " + PAGE_SIZE + " GET"));
                RequestCost next = meter.measure(
                        () -> store.listRunLogs(runId, null, PAGE_SIZE, 2).size(), PAGE_SIZE);
                table.add(
                        SECTION,
                        name + ": page 2 of " + PAGE_SIZE + ", within 30 s",
                        next.toString(),
                        "",
                        "",
                        ReportTable.verdict(
                                next.count("ListObjectsV2") <= 2 + 3,
                                "≤ 1 LIST per day of the run + 3 = 5, + " + PAGE_SIZE + " GET"));
            }
        } finally {
            S3Endpoint.deleteBucket(client, bucket);
        }
    }

    private List<CodeLog> logsOfDay(LocalDate day, int count) {
        List<CodeLog> logs = new ArrayList<>(count);
        Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        String runId = null;
        String codeId = null;
        for (int i = 0; i < count; i++) {
            Instant at = midnight.plusMillis(86_400_000L * i / count);
            if (i % LOGS_PER_RUN == 0) {
                runId = IdGenerator.objectIds().newId(at);
                codeId = UUID.randomUUID().toString();
            }
            logs.add(log(IdGenerator.objectIds().newId(at), runId, codeId, at));
        }
        return logs;
    }

    /** Ids dated at random moments of today that no log has. */
    private List<String> missingIdsOfToday() {
        List<String> ids = new ArrayList<>(MISSES);
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < MISSES; i++) {
            ids.add(IdGenerator.objectIds().newId(midnight.plusSeconds(random.nextInt(86_400))));
        }
        return ids;
    }

    private static CodeLog log(String id, String runId, String codeId, Instant at) {
        return new CodeLog(id, runId, codeId, LogType.INFO, "step " + id, at, at);
    }

    private void writeAsTheGoServiceDoes(String bucket, S3ObjectFormat format, CodeLog log) {
        client.putObject(
                request -> request.bucket(bucket).key(format.logKey(log)), RequestBody.fromBytes(format.logBody(log)));
    }

    private static long listsOf(int logs) {
        return Math.max(1, (logs + KEYS_PER_LIST - 1) / KEYS_PER_LIST);
    }
}
