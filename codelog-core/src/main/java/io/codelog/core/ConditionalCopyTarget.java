package io.codelog.core;

/**
 * A store that writes a copied log only over the version of it that was read, so that a copy from another store
 * never undoes a write made meanwhile and never brings back a deleted log: what the dual-write repair needs of
 * the store it repairs. The MongoDB and S3 stores implement it. Thread-safe; failures of the store raise {@link
 * CodeLogStorageException}.
 */
public interface ConditionalCopyTarget {

    /**
     * What the store holds under the id now, with its version. Something stored that is not a readable log is
     * returned as such, not thrown, so that a copy can replace it.
     */
    StoredVersion readVersion(String id);

    /**
     * Writes the log whole, as {@link CodeLogRepository#put} does (same id and timestamps, its id index entry too),
     * only if the store still holds what {@code read} saw: the same version, or still nothing.
     *
     * @param read what {@link #readVersion} returned for the log's id
     * @return true when written; false when something was written or deleted under the id since, and nothing was
     *     written
     * @throws InvalidCodeLogException when the log is not a complete log, or {@code read} is of another id
     */
    boolean putIfUnchanged(CodeLog log, StoredVersion read);

    /**
     * Deletes what {@code read} saw, only if the store still holds that version.
     *
     * @param read what {@link #readVersion} returned, for something stored
     * @return true when deleted; false when it changed or was deleted since
     * @throws IllegalArgumentException when {@code read} saw nothing
     */
    boolean deleteIfUnchanged(StoredVersion read);
}
