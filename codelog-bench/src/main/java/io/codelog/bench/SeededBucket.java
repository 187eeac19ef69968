package io.codelog.bench;

import io.codelog.core.CodeLog;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3ObjectFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A bucket holding {@code size} logs written through codelog (each with its id pointer): one run of
 * {@code runSize} logs from the last hour, one log of {@value #OLD_LOG_AGE_DAYS} days ago, and the rest in
 * runs of {@value #OTHER_RUN_SIZE} logs spread evenly over the last {@value #DAYS_OF_HISTORY} days. Knows how
 * many log objects each UTC day holds, which is what the Go service's request counts depend on.
 */
final class SeededBucket {

    static final int DAYS_OF_HISTORY = 10;
    static final int OLD_LOG_AGE_DAYS = 9;
    static final int OTHER_RUN_SIZE = 100;

    private final String bucket;
    private final S3CodeLogSettings settings;
    private final String runId;
    private final List<CodeLog> runLogs;
    private final CodeLog oldLog;
    private final Map<LocalDate, Integer> objectsPerDay;
    private final int size;
    private final LocalDate today;

    private SeededBucket(
            String bucket,
            S3CodeLogSettings settings,
            String runId,
            List<CodeLog> runLogs,
            CodeLog oldLog,
            Map<LocalDate, Integer> objectsPerDay,
            int size,
            LocalDate today) {
        this.bucket = bucket;
        this.settings = settings;
        this.runId = runId;
        this.runLogs = runLogs;
        this.oldLog = oldLog;
        this.objectsPerDay = objectsPerDay;
        this.size = size;
        this.today = today;
    }

    /** Creates a bucket and writes the logs through a codelog store with default settings, in parallel. */
    static SeededBucket seed(S3Client client, int size, int runSize, ConcurrentRun workers) {
        String bucket = S3Endpoint.newBucket(client, "bench-" + size);
        S3CodeLogSettings settings = S3CodeLogSettings.of(bucket, "");
        Instant now = Instant.now();
        SampleLogs samples = new SampleLogs(size);
        String codeId = UUID.randomUUID().toString();
        int inRun = Math.min(runSize, size - 1);
        Instant runStart = now.minus(Duration.ofHours(1));
        String runId = samples.newId(runStart);
        List<CodeLog> all = new ArrayList<>(size);
        List<CodeLog> runLogs = new ArrayList<>(inRun);
        for (int i = 0; i < inRun; i++) {
            CodeLog log = samples.log(runId, codeId, runStart.plusMillis(3_600_000L * i / inRun));
            runLogs.add(log);
            all.add(log);
        }
        Instant oldAt = now.minus(Duration.ofDays(OLD_LOG_AGE_DAYS));
        CodeLog oldLog = samples.log(samples.newId(oldAt), codeId, oldAt);
        all.add(oldLog);
        String otherRun = null;
        for (int i = 0; i < size - inRun - 1; i++) {
            int run = i / OTHER_RUN_SIZE;
            Instant at = now.minus(Duration.ofDays(run % DAYS_OF_HISTORY)).minusSeconds(1 + i % OTHER_RUN_SIZE);
            if (i % OTHER_RUN_SIZE == 0) {
                otherRun = samples.newId(at);
            }
            all.add(samples.log(otherRun, codeId, at));
        }
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        all.forEach(log -> perDay.merge(day(log.createdAt()), 1, Integer::sum));
        try (S3CodeLogRepository store = new S3CodeLogRepository(client, settings)) {
            workers.forEach(all, store::put);
        }
        return new SeededBucket(bucket, settings, runId, List.copyOf(runLogs), oldLog, perDay, size, day(now));
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A codelog store with default settings on this bucket, driving the given client. */
    S3CodeLogRepository store(S3Client client) {
        return new S3CodeLogRepository(client, settings);
    }

    String bucket() {
        return bucket;
    }

    /** The id of the run of the last hour. */
    String runId() {
        return runId;
    }

    /** The logs of the run of the last hour, oldest first. */
    List<CodeLog> runLogs() {
        return runLogs;
    }

    /**
     * The key prefixes of the run's logs, one per UTC day from its first log's to its last log's, oldest first:
     * two when the run began in the last hour of the previous UTC day, one otherwise.
     */
    List<String> runDayPrefixes() {
        S3ObjectFormat format = new S3ObjectFormat(settings);
        LocalDate last = day(runLogs.get(runLogs.size() - 1).createdAt());
        return day(runLogs.get(0).createdAt())
                .datesUntil(last.plusDays(1))
                .map(runDay -> format.dayPrefix(runDay, false) + runId + "/")
                .toList();
    }

    /** The clock of the store's rules: its {@code today} decides which days a run listing scans. */
    Clock clock() {
        return settings.rules().clock();
    }

    /** The log written {@value #OLD_LOG_AGE_DAYS} days ago. */
    CodeLog oldLog() {
        return oldLog;
    }

    /** How many log objects each UTC day holds (index pointers are not under the day prefixes). */
    Map<LocalDate, Integer> objectsPerDay() {
        return objectsPerDay;
    }

    /** How many logs were written. */
    int size() {
        return size;
    }

    /** The UTC day the bucket was seeded. */
    LocalDate today() {
        return today;
    }
}
