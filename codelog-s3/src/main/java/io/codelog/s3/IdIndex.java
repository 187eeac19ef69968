package io.codelog.s3;

import io.codelog.core.CodeLog;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where an S3 store records the key of each log by id, so that a lookup by id needs no search: pointer objects in
 * the bucket, entries of an index kept outside it, or nothing (see {@link S3IdIndex}). A log without an entry
 * (written by the Go service or the Python engine) is still found by the bounded search of {@link LogLocator}.
 */
interface IdIndex {

    /** Whether a new id was free in the index. */
    enum Claim {
        /** The entry was written: the id had none. */
        CLAIMED,
        /** The id already has an entry; nothing was written. */
        TAKEN
    }

    /** Whether this index records logs, so that a log found by search should get an entry. */
    boolean records();

    /**
     * Writes the entry of a new log only if the id has none. Runs at the same moment as the log's own PUT.
     *
     * @throws io.codelog.core.CodeLogStorageException when the index cannot be written
     */
    Claim claim(String operation, String key, CodeLog log);

    /**
     * Removes the entry of an id: one this store just claimed for a log whose own write failed, or one whose log is
     * gone.
     */
    void remove(String operation, String id);

    /** Writes or replaces the entry of a log stored at this key. */
    void record(String operation, String key, CodeLog log);

    /** The entry of an id, or empty when it has none or it cannot be read (reported to the listener). */
    Optional<IdIndexEntry> find(String operation, String id);

    /** Where the entry of an id is kept, for a report of an entry that names no log of this id. */
    String whereIs(String id);

    /** The keys to delete in the same DeleteObjects as the log's own. */
    List<String> keysDeletedWith(String id);

    /** Drops the entries of logs that were just deleted, for an index kept outside the bucket. */
    void forget(String operation, Collection<String> ids);

    /** No index: every lookup by id is a search. */
    static IdIndex none() {
        return NoIdIndex.INSTANCE;
    }

    /** The index the settings choose, on the store's bucket for pointers. */
    static IdIndex of(
            S3IdIndex choice,
            S3Calls calls,
            ParsedObjectReader reader,
            S3KeyLayout layout,
            UnreadableObjectListener onUnreadable) {
        return switch (choice.kind()) {
            case POINTERS -> new PointerIdIndex(calls, reader, layout, onUnreadable);
            case EXTERNAL -> new ExternalIdIndex(choice.external(), onUnreadable);
            case NONE -> none();
        };
    }
}
