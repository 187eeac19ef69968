package io.codelog.core;

/**
 * A store that writes a copied log only over the version of it that was read, so that a copy from another store
 * never undoes a write made meanwhile and never brings back a deleted log: what the dual-write repair needs of
 * the store it repairs. The MongoDB and S3 stores implement it. Thread-safe; failures of the store raise {@link
 * CodeLogStorageException}.
 */
public interface ConditionalCopyTarget {

    /**
     * What the store holds under the id now, wherever {@link CodeLogRepository#findById} would find it, with its
     * version: the read to make before {@link #deleteIfUnchanged}. Something stored that is not a readable log is
     * returned as such, not thrown, so that a copy can replace it or a delete remove it.
     */
    StoredVersion readVersion(String id);

    /**
     * What the store holds now where {@link CodeLogRepository#put} writes this log, with its version: the read to
     * make before {@link #putIfUnchanged}. A store that finds a log by its id alone (MongoDB) reads as {@link
     * #readVersion(String)} does; one that keys a log by more than its id (S3: its day, run and code) reads only that
     * place, which costs one request where a lookup by id may cost a search.
     *
     * @throws InvalidCodeLogException when the log is not a complete log
     */
    StoredVersion readVersion(CodeLog log);

    /**
     * Writes the log whole, as {@link CodeLogRepository#put} does (same id and timestamps, its id index entry too),
     * only if the store still holds what {@code read} saw: the same version, or still nothing.
     *
     * @param read what {@link #readVersion(CodeLog)} (or {@link #readVersion(String)}) returned for the log
     * @return true when written; false when something was written or deleted under the id since, and nothing was
     *     written
     * @throws InvalidCodeLogException when the log is not a complete log, or {@code read} is of another id
     */
    boolean putIfUnchanged(CodeLog log, StoredVersion read);

    /**
     * Deletes what {@code read} saw, only if the store still holds that version.
     *
     * @param read what {@link #readVersion(String)} returned, for something stored
     * @return true when deleted; false when it changed or was deleted since
     * @throws IllegalArgumentException when {@code read} saw nothing
     */
    boolean deleteIfUnchanged(StoredVersion read);
}
