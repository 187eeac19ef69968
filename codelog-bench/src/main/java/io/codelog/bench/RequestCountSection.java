package io.codelog.bench;

import io.codelog.core.CodeLog;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3RequestCounter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Section 2: the exact S3 requests of each codelog operation on a seeded bucket, counted by
 * {@link S3RequestCounter}, next to what the Go service's algorithm issues for the same data.
 */
final class RequestCountSection {

    static final String SECTION = "2. S3 requests per operation";
    private static final int PAGE_SIZE = 20;
    private static final int KEYS_PER_DELETE = 1_000;
    /** Logs on the cutoff's day and the day before are decided one by one; older days are deleted whole. */
    private static final int CUTOFF_DAYS_BACK = 4;

    private final SeededBucket data;
    private final S3CodeLogRepository store;
    private final RequestMeter meter;
    private final GoRequestCosts go;
    private final String size;

    RequestCountSection(SeededBucket data, S3CodeLogRepository store, S3RequestCounter counter) {
        this.data = data;
        this.store = store;
        this.meter = new RequestMeter(counter);
        this.go = new GoRequestCosts(data.objectsPerDay(), data.today());
        this.size = String.format("%,d logs", data.size());
    }

    /** Counts findById, a page and count; leaves the data as it was. */
    void reads(ReportTable table) {
        CodeLog fresh = data.runLogs().get(data.runLogs().size() / 2);
        RequestCost byId = meter.measure(() -> store.findById(fresh.id()), Optional.of(fresh));
        addAtMost(table, "findById, log of today", byId, go.getById(SeededBucket.day(fresh.createdAt())), 2);
        CodeLog old = data.oldLog();
        RequestCost oldById = meter.measure(() -> store.findById(old.id()), Optional.of(old));
        addAtMost(
                table,
                "findById, log of " + SeededBucket.OLD_LOG_AGE_DAYS + " days ago",
                oldById,
                go.getById(SeededBucket.day(old.createdAt())),
                2);

        int runSize = data.runLogs().size();
        int limit = Math.min(PAGE_SIZE, runSize);
        int page = runSize >= 2 * limit ? 2 : 1;
        String pageName = "page " + page + " of " + limit + ", run of " + runSize;
        meter.reset();
        store.listRunLogs(data.runId(), null, limit, page);
        RequestCost cold = meter.sinceReset();
        ScanCost warm = measureScan(
                () -> store.listRunLogs(data.runId(), null, limit, page),
                data.runLogs().subList((page - 1) * limit, page * limit));
        boolean pageMet = warm.cost().count("ListObjectsV2") <= warm.days()
                && warm.cost().count("GetObject") <= limit
                && warm.cost().total()
                        == warm.cost().count("ListObjectsV2") + warm.cost().count("GetObject");
        table.add(
                SECTION,
                size + ": " + pageName + " (first call: " + cold + ", incl. the hourly legacy-root probe)",
                warm.cost().toString(),
                "Go (model): " + go.listRunLogs(runSize),
                "",
                ReportTable.verdict(pageMet, "≤ 1 LIST per day scanned (" + warm.days() + ") + " + limit + " GET"));

        ScanCost count = measureScan(() -> store.count(data.runId(), null), (long) runSize);
        table.add(
                SECTION,
                size + ": count(run)",
                count.cost().toString(),
                "Go: no count algorithm given",
                "",
                ReportTable.verdict(
                        count.cost().total() == count.cost().count("ListObjectsV2")
                                && count.cost().total() > 0,
                        "LIST only (days scanned: " + count.days() + ")"));
    }

    /** Counts deleteOlder of everything older than {@value #CUTOFF_DAYS_BACK} days; deletes those logs. */
    void deleteOlder(ReportTable table) {
        LocalDate cutoffDay = data.today().minusDays(CUTOFF_DAYS_BACK);
        Instant cutoff = cutoffDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        meter.reset();
        long deleted = store.deleteOlder(cutoff, Long.MAX_VALUE);
        RequestCost cost = meter.sinceReset();
        long expected = data.objectsPerDay().entrySet().stream()
                .filter(entry -> entry.getKey().isBefore(cutoffDay))
                .mapToLong(entry -> entry.getValue())
                .sum();
        long batches = cost.count("DeleteObjects");
        long logsOnly = ceilDiv(deleted, KEYS_PER_DELETE);
        long withPointers = ceilDiv(2 * deleted, KEYS_PER_DELETE);
        boolean met = deleted == expected && batches <= withPointers;
        table.add(
                SECTION,
                size + ": deleteOlder, " + String.format("%,d", deleted) + " logs older than " + CUTOFF_DAYS_BACK
                        + " days",
                cost.toString(),
                "Go (model): " + go.deleteOlder(cutoffDay, deleted),
                "",
                ReportTable.verdict(
                        met,
                        "≤ ceil(2n/1000) = " + withPointers + " DeleteObjects (ceil(n/1000) = " + logsOnly
                                + " if pointers were not deleted too)"));
    }

    /**
     * The days a listing of the seeded run scans on {@code today}: its start day - 1 to start + 2 days + 1, capped
     * at today + 1. Four when the run began the UTC day before, three otherwise.
     */
    private long codelogRunDays(LocalDate today) {
        LocalDate first = SeededBucket.day(data.runLogs().get(0).createdAt()).minusDays(1);
        LocalDate last = SeededBucket.day(data.runLogs().get(0).createdAt().plus(java.time.Duration.ofDays(2)))
                .plusDays(1);
        LocalDate cap = today.plusDays(1);
        return first.datesUntil((last.isAfter(cap) ? cap : last).plusDays(1)).count();
    }

    /** What a listing or count of the seeded run cost, and how many days its window held that UTC day. */
    private record ScanCost(RequestCost cost, long days) {}

    /**
     * Counts the requests of a listing or count of the seeded run on one UTC day of the store's clock. The run's
     * window ends at the store's tomorrow, so a call during which midnight passed is made again: the days it
     * scanned are then those of one known day.
     */
    private <T> ScanCost measureScan(Supplier<T> operation, T expected) {
        while (true) {
            LocalDate today = SeededBucket.day(data.clock().instant());
            RequestCost cost = meter.measure(operation, expected);
            if (today.equals(SeededBucket.day(data.clock().instant()))) {
                return new ScanCost(cost, codelogRunDays(today));
            }
        }
    }

    private void addAtMost(ReportTable table, String name, RequestCost cost, RequestCost goCost, long limit) {
        table.add(
                SECTION,
                size + ": " + name,
                cost.toString(),
                "Go (model): " + goCost,
                "",
                ReportTable.verdict(cost.total() <= limit, "≤ " + limit + " requests"));
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }
}
