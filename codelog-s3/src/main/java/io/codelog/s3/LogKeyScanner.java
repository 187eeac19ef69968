package io.codelog.s3;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;

/**
 * Lists the log keys of a set of days, the days in parallel, under the standard root and, for the days that
 * exist there, under the legacy root; returns each log id once (the standard copy when both exist). Keys that
 * are not log keys are reported to the listener and left out.
 */
final class LogKeyScanner {

    private static final String KEY_NOT_IN_LAYOUT =
            "the key is not {prefix}/logs/yyyy/MM/dd/{run_id}/{code_id}/{log_id}.json";

    private final S3Calls calls;
    private final RequestPool pool;
    private final @Nullable LegacyDayProbe legacyDays;
    private final S3KeyLayout layout;
    private final UnreadableObjectListener onUnreadable;

    /** @param legacyDays the probe of legacy days, or null when the legacy path is not read */
    LogKeyScanner(
            S3Calls calls,
            RequestPool pool,
            @Nullable LegacyDayProbe legacyDays,
            S3KeyLayout layout,
            UnreadableObjectListener onUnreadable) {
        this.calls = calls;
        this.pool = pool;
        this.legacyDays = legacyDays;
        this.layout = layout;
        this.onUnreadable = onUnreadable;
    }

    /** A prefix of a root and a day to list. */
    private record DayPrefix(LogKey.Root root, String prefix) {}

    /**
     * The logs under the prefixes of the given days that the filter keeps, one per log id.
     *
     * @param prefixOfDay the prefix to list for a root and day, e.g. a run prefix
     * @param keep which parsed keys belong to the result
     */
    Collection<ListedLog> scan(
            String operation,
            List<LocalDate> days,
            BiFunction<LogKey.Root, LocalDate, String> prefixOfDay,
            Predicate<LogKey> keep) {
        List<DayPrefix> prefixes = prefixes(operation, days, prefixOfDay);
        return merged(pool.map(operation, prefixes, prefix -> list(operation, prefix, keep)));
    }

    /**
     * The key of a log id under the day prefixes of these days. With {@code answerFromCache}, a day the cache
     * listed within its time to live and whose listing did not hold the id costs no request. Every other day is
     * listed whole (one LIST per 1,000 keys) and its ids kept in the cache.
     */
    Optional<LogKey> findId(
            String operation, List<LocalDate> days, String id, DayIdCache cache, boolean answerFromCache) {
        List<DayPrefix> toList = new ArrayList<>();
        for (DayPrefix prefix : prefixes(operation, days, layout::dayPrefix)) {
            DayIdCache.DayIds listed = answerFromCache ? cache.get(prefix.prefix()) : null;
            if (listed == null || listed.mayHold(id)) {
                toList.add(prefix);
            }
        }
        Predicate<LogKey> isTheLog = key -> key.logId().equals(id);
        return merged(pool.map(operation, toList, prefix -> listWhole(operation, prefix, isTheLog, cache))).stream()
                .findFirst()
                .map(ListedLog::key);
    }

    private List<DayPrefix> prefixes(
            String operation, List<LocalDate> days, BiFunction<LogKey.Root, LocalDate, String> prefixOfDay) {
        List<DayPrefix> prefixes = new ArrayList<>();
        for (LocalDate day : days) {
            prefixes.add(new DayPrefix(LogKey.Root.STANDARD, prefixOfDay.apply(LogKey.Root.STANDARD, day)));
        }
        if (legacyDays != null && !days.isEmpty()) {
            NavigableSet<LocalDate> legacy = legacyDays.days(operation);
            for (LocalDate day : days) {
                if (legacy.contains(day)) {
                    prefixes.add(new DayPrefix(LogKey.Root.LEGACY, prefixOfDay.apply(LogKey.Root.LEGACY, day)));
                }
            }
        }
        return prefixes;
    }

    private static Collection<ListedLog> merged(List<List<ListedLog>> perPrefix) {
        Map<String, ListedLog> byId = new HashMap<>();
        for (List<ListedLog> found : perPrefix) {
            for (ListedLog listed : found) {
                byId.merge(listed.key().logId(), listed, ListedLog::preferred);
            }
        }
        return byId.values();
    }

    /** Lists a whole day prefix, keeps the hashes of its ids in the cache, and returns what {@code keep} keeps. */
    private List<ListedLog> listWhole(String operation, DayPrefix dayPrefix, Predicate<LogKey> keep, DayIdCache cache) {
        DayIdCache.Listing listing = cache.startListing(dayPrefix.prefix());
        try {
            LongStream.Builder hashes = LongStream.builder();
            List<ListedLog> found = list(operation, dayPrefix, key -> {
                hashes.add(DayIdCache.hash(key.logId()));
                return keep.test(key);
            });
            cache.put(listing, hashes.build().toArray());
            return found;
        } finally {
            cache.finish(listing);
        }
    }

    private List<ListedLog> list(String operation, DayPrefix dayPrefix, Predicate<LogKey> keep) {
        List<ListedLog> found = new ArrayList<>();
        String token = null;
        do {
            S3Calls.ListPage page = calls.list(operation, dayPrefix.prefix(), null, token);
            for (S3Calls.ListedObject object : page.objects()) {
                layout.parse(object.key())
                        .ifPresentOrElse(
                                key -> {
                                    if (keep.test(key)) {
                                        found.add(new ListedLog(key, object.lastModified()));
                                    }
                                },
                                () -> onUnreadable.onUnreadable(object.key(), KEY_NOT_IN_LAYOUT));
            }
            token = page.nextToken();
        } while (token != null);
        return found;
    }
}
