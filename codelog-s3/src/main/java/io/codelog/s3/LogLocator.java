package io.codelog.s3;

import java.util.Optional;

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
    private final UnreadableObjectListener onUnreadable;

    LogLocator(
            S3Calls calls,
            S3KeyLayout layout,
            DayWindows windows,
            LogKeyScanner scanner,
            IdIndex index,
            UnreadableObjectListener onUnreadable) {
        this.calls = calls;
        this.layout = layout;
        this.windows = windows;
        this.scanner = scanner;
        this.index = index;
        this.onUnreadable = onUnreadable;
    }

    /**
     * Where a log is and how it was found.
     *
     * @param key the log's key
     * @param pointer the id index pointer that named it, or null when a search found it
     */
    record Location(LogKey key, IdIndexEntry pointer) {

        /** Whether an id index pointer named the key. */
        boolean viaPointer() {
            return pointer != null;
        }

        /** Whether the pointer holds every field an update needs, so the log need not be read. */
        boolean pointerComplete() {
            return pointer != null && pointer.isComplete();
        }
    }

    /** The location of the log, or empty when neither its index entry nor the search finds it. */
    Optional<Location> locate(String operation, String id) {
        Optional<IdIndexEntry> entry = index.find(operation, id);
        if (entry.isPresent()) {
            Optional<Location> viaEntry = fromEntry(id, entry.get());
            if (viaEntry.isPresent()) {
                return viaEntry;
            }
            onUnreadable.onUnreadable(index.whereIs(id), BAD_POINTER);
        }
        return search(operation, id).map(key -> new Location(key, null));
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

    private Optional<LogKey> search(String operation, String id) {
        return scanner
                .scan(
                        operation,
                        windows.forLookup(id),
                        layout::dayPrefix,
                        key -> key.logId().equals(id))
                .stream()
                .findFirst()
                .map(ListedLog::key);
    }
}
