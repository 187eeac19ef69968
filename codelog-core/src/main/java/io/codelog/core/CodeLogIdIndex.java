package io.codelog.core;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a store keeps each log, by id, for a store whose own lookup by id is costly (an S3 bucket, whose keys
 * are not addressed by id): one entry per log id naming the log's location. Kept outside the store, e.g. in a
 * MongoDB collection, so that a lookup costs one read of the index and one of the store.
 *
 * <p>The index holds no log content and is never the truth: an entry naming a location that holds no log of its
 * id is stale and ignored by the store, and a log without an entry is still found by the store's own search.
 * Implementations are thread-safe and report failures as {@link CodeLogStorageException}.
 */
public interface CodeLogIdIndex {

    /**
     * Where one log is kept.
     *
     * @param id the log id, as {@link CodeLogIds#requireValid} returns it
     * @param location where the store keeps the log, e.g. its S3 key; opaque to the index
     * @param createdAt when the log was created: an index may let entries expire some time after it, as the logs
     *     themselves are deleted after their retention period
     */
    record Entry(String id, String location, Instant createdAt) {

        /** @throws IllegalArgumentException when a field is missing */
        public Entry {
            if (id == null || id.isEmpty()) {
                throw new IllegalArgumentException("id is required");
            }
            if (location == null || location.isEmpty()) {
                throw new IllegalArgumentException("location is required");
            }
            Objects.requireNonNull(createdAt, "createdAt is required");
        }
    }

    /**
     * Writes the entry only if its id has none: of two inserts of one id, exactly one returns true. This is what
     * lets a store refuse a second log with an id already taken.
     *
     * @return true when the entry was written, false when the id already had one (which is left as it was)
     * @throws CodeLogStorageException when the index cannot be written
     */
    boolean insert(Entry entry);

    /**
     * Writes the entry, replacing the one its id had.
     *
     * @throws CodeLogStorageException when the index cannot be written
     */
    void upsert(Entry entry);

    /**
     * The entry of an id, or empty when it has none.
     *
     * @throws CodeLogStorageException when the index cannot be read
     * @throws MalformedCodeLogException when the entry exists but cannot be read
     */
    Optional<Entry> find(String id);

    /**
     * Removes the entries of these ids; ids without one are ignored.
     *
     * @throws CodeLogStorageException when the index cannot be written
     */
    void delete(Collection<String> ids);

    /** Where the entry of an id is kept, for messages, e.g. {@code MongoDB collection codelog_id_index, _id 65…}. */
    String whereIs(String id);
}
