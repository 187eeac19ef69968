package io.codelog.s3;

import io.codelog.core.CodeLogIdIndex;
import org.jspecify.annotations.Nullable;

/**
 * Where an {@link S3CodeLogRepository} records the key of each log by id, so that a lookup by id needs no search
 * of the bucket, and what each choice costs. Whatever the choice, a log without an entry (written by the Go
 * service, the Python engine, or while another choice was configured) is still found by the bounded search of
 * {@link S3CodeLogSettings#idIndex()}, after which it gets its entry.
 *
 * @param kind where the entries are kept
 * @param external the index of {@link Kind#EXTERNAL}, else null
 */
public record S3IdIndex(Kind kind, @Nullable CodeLogIdIndex external) {

    private static final S3IdIndex POINTERS = new S3IdIndex(Kind.POINTERS, null);
    private static final S3IdIndex NONE = new S3IdIndex(Kind.NONE, null);

    /** Where the entries are kept. */
    public enum Kind {
        /**
         * A pointer object {@code {prefix}/index/{id}.json} per log in the logs' bucket: create sends 2 PUTs at the
         * same moment (the log's and the pointer's), findById 2 GETs (pointer, log), delete removes the pointer in
         * the log's own DeleteObjects. Needs nothing but the bucket.
         */
        POINTERS,
        /**
         * Entries in a {@link CodeLogIdIndex} outside the bucket, e.g. a MongoDB collection: create sends 1 PUT and
         * 1 insert into the index at the same moment, findById 1 lookup in the index + 1 GET, delete and
         * deleteOlder 1 delete in the index per 1,000 logs besides their DeleteObjects. Every create, lookup and
         * delete then depends on that index being reachable too.
         */
        EXTERNAL,
        /**
         * No entries: create sends 1 PUT, and every lookup by id is the bounded search (for an ObjectId id, one LIST
         * per 1,000 keys of 3 day prefixes; for a UUID id, of each day of the lookup window) + 1 GET. A second
         * create of an id is refused only when it falls on the same key.
         */
        NONE
    }

    /**
     * @throws IllegalArgumentException when an external index is missing for {@link Kind#EXTERNAL}, or given for
     *     another kind
     */
    public S3IdIndex {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if ((kind == Kind.EXTERNAL) != (external != null)) {
            throw new IllegalArgumentException(
                    kind == Kind.EXTERNAL
                            ? "an external id index needs its CodeLogIdIndex"
                            : "only an external id index takes a CodeLogIdIndex, not " + kind);
        }
    }

    /** Pointer objects in the bucket (the default). */
    public static S3IdIndex pointers() {
        return POINTERS;
    }

    /** No index: every lookup by id is a search. */
    public static S3IdIndex none() {
        return NONE;
    }

    /** Entries in this index, kept outside the bucket. */
    public static S3IdIndex external(CodeLogIdIndex index) {
        if (index == null) {
            throw new IllegalArgumentException("an external id index needs its CodeLogIdIndex");
        }
        return new S3IdIndex(Kind.EXTERNAL, index);
    }

    /** Pointers when true, none when false: the meaning of the former on/off setting. */
    public static S3IdIndex of(boolean enabled) {
        return enabled ? POINTERS : NONE;
    }

    /** Whether create writes a pointer object beside each log, so that a log and its pointer are 2 objects. */
    public boolean writesPointers() {
        return kind == Kind.POINTERS;
    }

    /** The S3 PUTs one create or put sends: 2 with pointers, else 1. */
    public int putsPerWrite() {
        return writesPointers() ? 2 : 1;
    }
}
