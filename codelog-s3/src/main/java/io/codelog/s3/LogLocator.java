package io.codelog.s3;

import io.codelog.core.CodeLog;
import io.codelog.core.MalformedCodeLogException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where a log id lives: through its id index pointer (1 GET) when there is one, else by the bounded
 * search of {@link DayWindows#forLookup} over day listings. Also writes and removes pointers.
 */
final class LogLocator {

    private static final String BAD_POINTER = "the id index pointer does not name a log key of this id";

    private final S3Calls calls;
    private final S3KeyLayout layout;
    private final DayWindows windows;
    private final LogKeyScanner scanner;
    private final boolean idIndex;
    private final UnreadableObjectListener onUnreadable;

    LogLocator(
            S3Calls calls,
            S3KeyLayout layout,
            DayWindows windows,
            LogKeyScanner scanner,
            boolean idIndex,
            UnreadableObjectListener onUnreadable) {
        this.calls = calls;
        this.layout = layout;
        this.windows = windows;
        this.scanner = scanner;
        this.idIndex = idIndex;
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

    /** The location of the log, or empty when neither a pointer nor the search finds it. */
    Optional<Location> locate(String operation, String id) {
        if (idIndex) {
            String indexKey = layout.indexKey(id);
            Optional<S3Calls.StoredObject> stored;
            try {
                stored = calls.get(operation, indexKey);
            } catch (MalformedCodeLogException tooLarge) {
                onUnreadable.onUnreadable(indexKey, tooLarge.reason());
                stored = Optional.empty();
            }
            if (stored.isPresent()) {
                Optional<Location> viaPointer = fromPointer(id, stored.get());
                if (viaPointer.isPresent()) {
                    return viaPointer;
                }
                onUnreadable.onUnreadable(indexKey, BAD_POINTER);
            }
        }
        return search(operation, id).map(key -> new Location(key, null));
    }

    /** Whether pointers are kept, so a log found by search should get one. */
    boolean keepsPointers() {
        return idIndex;
    }

    /** Writes the id index pointer of a log stored at this key (1 PUT). */
    void writePointer(String operation, String key, CodeLog log) {
        calls.put(operation, layout.indexKey(log.id()), IdIndexJson.write(key, log), null, Map.of());
    }

    /** Deletes a pointer that names a log that is gone. */
    void deleteStalePointer(String operation, String id) {
        calls.delete(operation, List.of(layout.indexKey(id)));
    }

    private Optional<Location> fromPointer(String id, S3Calls.StoredObject stored) {
        Optional<IdIndexEntry> entry = IdIndexJson.read(stored.bytes());
        Optional<LogKey> key =
                entry.flatMap(e -> layout.parse(e.key())).filter(k -> k.logId().equals(id));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        IdIndexEntry pointer = entry.get();
        boolean consistent =
                key.get().runId().equals(pointer.runId()) && key.get().codeId().equals(pointer.codeId());
        // A pointer whose ids disagree with its key is trusted for the key only: the log itself is read.
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
