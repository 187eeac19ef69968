package io.codelog.s3;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds where a log id lives: through its id index entry when there is one, else by the bounded search of {@link
 * DayWindows#forLookup} over day listings.
 */
final class LogLocator {

    static final String BAD_POINTER = "the id index entry does not name a log key of this id";

    private final S3Calls calls;
    private final S3KeyLayout layout;
    private final DayWindows windows;
    private final LogKeyScanner scanner;
    private final IdIndex index;
    private final DayIdCache dayIds;
    private final UnreadableObjectListener onUnreadable;

    LogLocator(
            S3Calls calls,
            S3KeyLayout layout,
            DayWindows windows,
            LogKeyScanner scanner,
            IdIndex index,
            DayIdCache dayIds,
            UnreadableObjectListener onUnreadable) {
        this.calls = calls;
        this.layout = layout;
        this.windows = windows;
        this.scanner = scanner;
        this.index = index;
        this.dayIds = dayIds;
        this.onUnreadable = onUnreadable;
    }

    /**
     * Where a log is and how it was found.
     *
     * @param key the log's key
     * @param pointer the id index pointer that named it, or null when a search found it
     */
    record Location(LogKey key, @Nullable IdIndexEntry pointer) {

        /** Whether an id index pointer named the key. */
        boolean viaPointer() {
            return pointer != null;
        }

        /** Whether the pointer holds every field an update needs, so the log need not be read. */
        boolean pointerComplete() {
            return pointer != null && pointer.isComplete();
        }
    }

    /**
     * The location of the log, or empty when neither its index entry nor the search finds it. A search answers
     * from the day listings of the last {@link DayIdCache time to live} where they tell the id is not there, so a
     * lookup of an id that is nowhere costs no LIST once its days were listed; a log another writer put there
     * meanwhile is found once the listing is older than that.
     */
    Optional<Location> locateForRead(String operation, String id) {
        return locate(operation, id, true);
    }

    /**
     * The location of the log for a write, or empty: as {@link #locateForRead}, but a search lists every day
     * afresh, so an update or delete never misses a log that another writer put there a moment ago.
     */
    Optional<Location> locate(String operation, String id) {
        return locate(operation, id, false);
    }

    /** Records a log this store wrote at this key, so that a kept listing of its day holds it too. */
    void written(String key) {
        layout.parse(key)
                .ifPresent(parsed -> dayIds.written(layout.dayPrefix(parsed.root(), parsed.day()), parsed.logId()));
    }

    private Optional<Location> locate(String operation, String id, boolean answerFromCache) {
        Optional<IdIndexEntry> entry = index.find(operation, id);
        if (entry.isPresent()) {
            Optional<Location> viaEntry = fromEntry(id, entry.get());
            if (viaEntry.isPresent()) {
                return viaEntry;
            }
            onUnreadable.onUnreadable(index.whereIs(id), BAD_POINTER);
        }
        return scanner.findId(operation, windows.forLookup(id), id, dayIds, answerFromCache)
                .map(key -> new Location(key, null));
    }

    /** The index the locator reads first. */
    IdIndex index() {
        return index;
    }

    private Optional<Location> fromEntry(String id, IdIndexEntry pointer) {
        Optional<LogKey> key = layout.parse(pointer.key()).filter(k -> k.logId().equals(id));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        boolean consistent =
                key.get().runId().equals(pointer.runId()) && key.get().codeId().equals(pointer.codeId());
        // An entry whose ids disagree with its key is trusted for the key only.
        IdIndexEntry trusted = consistent ? pointer : new IdIndexEntry(pointer.key(), null, null, null, null);
        return Optional.of(new Location(key.get(), trusted));
    }
}
