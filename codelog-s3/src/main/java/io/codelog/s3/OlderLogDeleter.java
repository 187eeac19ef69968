package io.codelog.s3;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deletes logs created before a cutoff, oldest day first, across the whole history of both roots. Days are
 * found by {@link DayPrefixWalker}, never guessed. A key's date is at most one day before its log's UTC date,
 * so every log on a day before {@code cutoff day - 1} is older without looking; on the two days after that
 * each key is decided by {@link CreatedBeforeCutoff}; later days are never listed.
 */
final class OlderLogDeleter {

    private static final String OPERATION = "deleteOlder";
    private static final String KEY_NOT_IN_LAYOUT = "the key is not a log key; not deleted by deleteOlder";

    private final S3Calls calls;
    private final S3KeyLayout layout;
    private final DayPrefixWalker walker;
    private final RequestPool pool;
    private final CreatedBeforeCutoff createdBefore;
    private final IdIndex index;
    private final boolean readLegacyPath;
    private final int maxInFlight;
    private final UnreadableObjectListener onUnreadable;

    OlderLogDeleter(
            S3Calls calls,
            S3KeyLayout layout,
            DayPrefixWalker walker,
            RequestPool pool,
            CreatedBeforeCutoff createdBefore,
            IdIndex index,
            S3CodeLogSettings settings) {
        this.calls = calls;
        this.layout = layout;
        this.walker = walker;
        this.pool = pool;
        this.createdBefore = createdBefore;
        this.index = index;
        this.readLegacyPath = settings.readLegacyPath();
        this.maxInFlight = settings.readConcurrency();
        this.onUnreadable = settings.onUnreadable();
    }

    /** Deletes up to {@code limit} logs created before the cutoff; returns how many were deleted. */
    long deleteOlder(Instant cutoff, long limit) {
        LocalDate cutoffDay = DayWindows.utcDay(cutoff);
        LocalDate lastWholeDay = cutoffDay.minusDays(2);
        NavigableSet<LocalDate> standardDays = walker.days(OPERATION, LogKey.Root.STANDARD, cutoffDay);
        NavigableSet<LocalDate> legacyDays =
                readLegacyPath ? walker.days(OPERATION, LogKey.Root.LEGACY, cutoffDay) : new TreeSet<>();
        NavigableSet<LocalDate> days = new TreeSet<>(standardDays);
        days.addAll(legacyDays);

        DeleteBatches batches = new DeleteBatches(calls, pool, OPERATION, maxInFlight);
        List<String> deletedIds = new ArrayList<>();
        long deleted = 0;
        for (LocalDate day : days) {
            Set<String> idsOfDay = new HashSet<>();
            for (LogKey.Root root : LogKey.Root.values()) {
                NavigableSet<LocalDate> rootDays = root == LogKey.Root.STANDARD ? standardDays : legacyDays;
                if (deleted >= limit || !rootDays.contains(day)) {
                    continue;
                }
                boolean wholeDay = !day.isAfter(lastWholeDay);
                deleted += deleteDay(root, day, cutoff, wholeDay, limit - deleted, idsOfDay, batches);
            }
            deletedIds.addAll(idsOfDay);
            if (deleted >= limit) {
                break;
            }
        }
        batches.finish();
        index.forget(OPERATION, deletedIds);
        return deleted;
    }

    private long deleteDay(
            LogKey.Root root,
            LocalDate day,
            Instant cutoff,
            boolean wholeDay,
            long remaining,
            Set<String> idsOfDay,
            DeleteBatches batches) {
        long deleted = 0;
        String token = null;
        do {
            S3Calls.ListPage page = calls.list(OPERATION, layout.dayPrefix(root, day), null, token);
            List<LogKey> keys = new ArrayList<>(page.objects().size());
            for (S3Calls.ListedObject object : page.objects()) {
                layout.parse(object.key())
                        .ifPresentOrElse(keys::add, () -> onUnreadable.onUnreadable(object.key(), KEY_NOT_IN_LAYOUT));
            }
            List<LogKey> older = wholeDay ? keys : createdBefore.filter(OPERATION, keys, cutoff);
            for (LogKey key : older) {
                if (deleted >= remaining) {
                    return deleted;
                }
                // The same log under both roots is deleted twice but counted once.
                if (idsOfDay.add(key.logId())) {
                    deleted++;
                    List<String> withEntry = new ArrayList<>(List.of(key.key()));
                    withEntry.addAll(index.keysDeletedWith(key.logId()));
                    batches.add(withEntry);
                } else {
                    batches.add(List.of(key.key()));
                }
            }
            token = page.nextToken();
        } while (token != null);
        return deleted;
    }
}
