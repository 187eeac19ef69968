package io.codelog.s3;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogIds;
import io.codelog.core.CodeLogOrder;
import io.codelog.core.MalformedCodeLogException;
import io.codelog.core.PageRequest;
import io.codelog.core.RunFilter;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Lists and counts a run's logs: LISTs the run's day prefixes, orders the keys from the listing alone, then
 * GETs only the objects of the requested page. Unreadable objects are skipped and reported. An ObjectId run's
 * window ({@link DayWindows#forFilter}) is followed by the next day, and the next, as long as the last day
 * listed held logs of the run, so a run that logs for longer than {@code maxRunDuration} is still listed whole
 * (one LIST per extra day, plus one for the first day without its logs). When the window holds none of the
 * run's logs, the rest of the list window is scanned, so a run id that is not the ObjectId of the run's start is
 * still listed (at the cost of those LISTs). A run whose id does not date it (a UUID) is listed over the whole list
 * window, then, within the {@link RunDayHints time to live}, over the days that listing found and the last three.
 */
final class RunLogPages {

    private final ParsedObjectReader reader;
    private final S3KeyLayout layout;
    private final DayWindows windows;
    private final LogKeyScanner scanner;
    private final RequestPool pool;
    private final LogObjectCodec codec;
    private final UnreadableObjectListener onUnreadable;
    private final RunDayHints hints;

    RunLogPages(
            ParsedObjectReader reader,
            S3KeyLayout layout,
            DayWindows windows,
            LogKeyScanner scanner,
            RequestPool pool,
            LogObjectCodec codec,
            UnreadableObjectListener onUnreadable,
            RunDayHints hints) {
        this.reader = reader;
        this.layout = layout;
        this.windows = windows;
        this.scanner = scanner;
        this.pool = pool;
        this.codec = codec;
        this.onUnreadable = onUnreadable;
        this.hints = hints;
    }

    /** One page, oldest first; may hold fewer logs than the limit when objects of it are unreadable. */
    List<CodeLog> page(String operation, RunFilter filter, PageRequest page) {
        List<ListedLog> slice = scan(operation, filter).stream()
                .sorted(ListedLog.LISTING_ORDER)
                .skip(page.offset())
                .limit(page.limit())
                .toList();
        return pool.map(operation, slice, listed -> read(operation, listed)).stream()
                .flatMap(Optional::stream)
                .sorted(CodeLogOrder.OLDEST_FIRST)
                .toList();
    }

    /** How many logs match, from LISTs alone. */
    long count(String operation, RunFilter filter) {
        return scan(operation, filter).size();
    }

    /** The ids of the logs that match, from LISTs alone. */
    Set<String> ids(String operation, RunFilter filter) {
        Set<String> ids = new HashSet<>();
        scan(operation, filter).forEach(listed -> ids.add(listed.key().logId()));
        return ids;
    }

    private Collection<ListedLog> scan(String operation, RunFilter filter) {
        BiFunction<LogKey.Root, LocalDate, String> prefixOfDay = filter.runId() == null
                ? layout::dayPrefix
                : (root, day) -> layout.runPrefix(root, day, filter.runId(), filter.codeId());
        Predicate<LogKey> keep = key -> matches(filter, key);
        List<LocalDate> window = windows.forFilter(filter);
        if (hints.applies(filter)) {
            return scanUndatedRun(operation, filter, window, prefixOfDay, keep);
        }
        Map<String, ListedLog> found = new HashMap<>();
        add(found, scanner.scan(operation, window, prefixOfDay, keep));
        if (found.isEmpty()) {
            add(found, scanner.scan(operation, windows.fallbackFor(filter), prefixOfDay, keep));
            return found.values();
        }
        // A run that logs past its window is followed a day at a time, until a day without its logs.
        LocalDate last = window.get(window.size() - 1);
        LocalDate cap = windows.today().plusDays(1);
        boolean datedRun = filter.runId() != null && CodeLogIds.isObjectId(filter.runId());
        while (datedRun && last.isBefore(cap) && holdsDay(found.values(), last)) {
            last = last.plusDays(1);
            add(found, scanner.scan(operation, List.of(last), prefixOfDay, keep));
        }
        return found.values();
    }

    /** Records a day this store wrote a log of the run and code to, for the hints of runs its id does not date. */
    void written(String runId, String codeId, LocalDate day) {
        hints.written(runId, codeId, day);
    }

    private Collection<ListedLog> scanUndatedRun(
            String operation,
            RunFilter filter,
            List<LocalDate> window,
            BiFunction<LogKey.Root, LocalDate, String> prefixOfDay,
            Predicate<LogKey> keep) {
        Map<String, ListedLog> found = new HashMap<>();
        Set<LocalDate> held = hints.get(filter);
        if (held != null) {
            LocalDate recent = windows.today().minusDays(1);
            List<LocalDate> days = window.stream()
                    .filter(day -> held.contains(day) || !day.isBefore(recent))
                    .toList();
            add(found, scanner.scan(operation, days, prefixOfDay, keep));
            return found.values();
        }
        RunDayHints.Hint hint = hints.begin(filter);
        add(found, scanner.scan(operation, window, prefixOfDay, keep));
        hint.complete(found.values().stream().map(listed -> listed.key().day()).toList());
        return found.values();
    }

    private static void add(Map<String, ListedLog> found, Collection<ListedLog> more) {
        for (ListedLog listed : more) {
            found.merge(listed.key().logId(), listed, ListedLog::preferred);
        }
    }

    private static boolean holdsDay(Collection<ListedLog> found, LocalDate day) {
        return found.stream().anyMatch(listed -> listed.key().day().equals(day));
    }

    private static boolean matches(RunFilter filter, LogKey key) {
        return (filter.runId() == null || filter.runId().equals(key.runId()))
                && (filter.codeId() == null || filter.codeId().equals(key.codeId()));
    }

    private Optional<CodeLog> read(String operation, ListedLog listed) {
        try {
            // Empty when the object was deleted between the LIST and the GET.
            return reader.read(operation, listed.key().key(), object -> codec.decode(listed.key(), object))
                    .map(ParsedObjectReader.Parsed::value);
        } catch (MalformedCodeLogException e) {
            onUnreadable.onUnreadable(listed.key().key(), e.reason());
            return Optional.empty();
        }
    }
}
