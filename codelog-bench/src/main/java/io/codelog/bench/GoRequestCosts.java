package io.codelog.bench;

import java.time.LocalDate;
import java.util.Map;

/**
 * The S3 requests the Go service's algorithm issues for a bucket, computed from that algorithm and the number
 * of log objects each day holds: GetByID lists whole day prefixes from today back up to
 * {@value #GET_BY_ID_DAYS} days until the day holding the id (one LIST per 1,000 objects, at least one per
 * day) and GETs the match; ListRunLogs lists {@value #LIST_RUN_LOGS_DAYS} day prefixes and GETs every log of
 * the run to return one page; DeleteOlder sends one DeleteObject per object.
 */
final class GoRequestCosts {

    static final int GET_BY_ID_DAYS = 30;
    static final int LIST_RUN_LOGS_DAYS = 7;
    private static final int KEYS_PER_LIST = 1_000;

    private final Map<LocalDate, Integer> objectsPerDay;
    private final LocalDate today;

    GoRequestCosts(Map<LocalDate, Integer> objectsPerDay, LocalDate today) {
        this.objectsPerDay = objectsPerDay;
        this.today = today;
    }

    /** LISTs of one whole day prefix: one per 1,000 keys, and one for an empty day. */
    long listsOfDay(LocalDate day) {
        int objects = objectsPerDay.getOrDefault(day, 0);
        return Math.max(1, (objects + KEYS_PER_LIST - 1) / KEYS_PER_LIST);
    }

    /** GetByID of a log stored under {@code logDay}, scanning from today backwards. */
    RequestCost getById(LocalDate logDay) {
        long lists = 0;
        for (int back = 0; back < GET_BY_ID_DAYS; back++) {
            LocalDate day = today.minusDays(back);
            lists += listsOfDay(day);
            if (!day.isAfter(logDay)) {
                return RequestCost.of(lists, 1, "", 0);
            }
        }
        return RequestCost.of(lists, 0, "", 0);
    }

    /** ListRunLogs of one page of a run of {@code runSize} logs within the last week. */
    RequestCost listRunLogs(int runSize) {
        long lists = 0;
        for (int back = 0; back < LIST_RUN_LOGS_DAYS; back++) {
            lists += listsOfDay(today.minusDays(back));
        }
        return RequestCost.of(lists, runSize, "", 0);
    }

    /** DeleteOlder of {@code deleted} objects, listing each day before the cutoff's day that holds logs. */
    RequestCost deleteOlder(LocalDate cutoffDay, long deleted) {
        long lists = objectsPerDay.keySet().stream()
                .filter(day -> day.isBefore(cutoffDay))
                .mapToLong(this::listsOfDay)
                .sum();
        return RequestCost.of(lists, 0, "DeleteObject", deleted);
    }
}
