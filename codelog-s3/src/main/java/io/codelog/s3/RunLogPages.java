package io.codelog.s3;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogOrder;
import io.codelog.core.MalformedCodeLogException;
import io.codelog.core.PageRequest;
import io.codelog.core.RunFilter;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Lists and counts a run's logs: LISTs the run's day prefixes, orders the keys from the listing alone, then
 * GETs only the objects of the requested page. Unreadable objects are skipped and reported. When the days of
 * an ObjectId run's window hold none of its logs, the rest of the list window is scanned, so a run id that is
 * not the ObjectId of the run's start is still listed (at the cost of those LISTs).
 */
final class RunLogPages {

    private final S3Calls calls;
    private final S3KeyLayout layout;
    private final DayWindows windows;
    private final LogKeyScanner scanner;
    private final RequestPool pool;
    private final LogObjectCodec codec;
    private final UnreadableObjectListener onUnreadable;

    RunLogPages(
            S3Calls calls,
            S3KeyLayout layout,
            DayWindows windows,
            LogKeyScanner scanner,
            RequestPool pool,
            LogObjectCodec codec,
            UnreadableObjectListener onUnreadable) {
        this.calls = calls;
        this.layout = layout;
        this.windows = windows;
        this.scanner = scanner;
        this.pool = pool;
        this.codec = codec;
        this.onUnreadable = onUnreadable;
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

    private Collection<ListedLog> scan(String operation, RunFilter filter) {
        BiFunction<LogKey.Root, LocalDate, String> prefixOfDay = filter.runId() == null
                ? layout::dayPrefix
                : (root, day) -> layout.runPrefix(root, day, filter.runId(), filter.codeId());
        Collection<ListedLog> found =
                scanner.scan(operation, windows.forFilter(filter), prefixOfDay, key -> matches(filter, key));
        if (!found.isEmpty()) {
            return found;
        }
        return scanner.scan(operation, windows.fallbackFor(filter), prefixOfDay, key -> matches(filter, key));
    }

    private static boolean matches(RunFilter filter, LogKey key) {
        return (filter.runId() == null || filter.runId().equals(key.runId()))
                && (filter.codeId() == null || filter.codeId().equals(key.codeId()));
    }

    private Optional<CodeLog> read(String operation, ListedLog listed) {
        try {
            // Empty when the object was deleted between the LIST and the GET.
            Optional<S3Calls.StoredObject> stored =
                    calls.get(operation, listed.key().key());
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(codec.decode(listed.key(), stored.get()));
        } catch (MalformedCodeLogException e) {
            onUnreadable.onUnreadable(listed.key().key(), e.reason());
            return Optional.empty();
        }
    }
}
