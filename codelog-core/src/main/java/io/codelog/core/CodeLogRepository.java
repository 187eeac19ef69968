package io.codelog.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Stores code logs. Every implementation — MongoDB, S3 and the composites over two stores — behaves the same
 * for the same calls, so a service can switch between them with one flag. Input is validated before any I/O:
 * invalid ids, filters, limits or content raise {@link InvalidCodeLogException}; failures of the underlying
 * store raise {@link CodeLogStorageException}.
 */
public interface CodeLogRepository {

    /**
     * Stores a new log. Assigns a new ObjectId when {@code log.id()} is null, sets {@code createdAt} and
     * {@code updatedAt} to the store's clock, and applies the content limit. Never replaces a log: after a create
     * that returns, every reader sees the log; after one that throws, none does.
     *
     * @return the log as stored
     * @throws CodeLogAlreadyExistsException when a log with the supplied id already exists
     */
    CodeLog create(CodeLog log);

    /**
     * Writes a complete log as it is — id, timestamps and content kept — replacing any log with that id. This
     * is how migration, dual write and repair copy a log from one store to another without changing it.
     *
     * @return the log as stored
     * @throws InvalidCodeLogException when an id, the type, the content or a timestamp is missing or invalid
     */
    CodeLog put(CodeLog log);

    /** The log with this id, or empty when there is none. */
    Optional<CodeLog> findById(String id);

    /**
     * One page of a run's logs, oldest first ({@code createdAt}, then {@code id}). At least one of
     * {@code runId} and {@code codeId} is required; the other may be null to match any.
     *
     * @param limit the page size, from 1 to {@link PageRequest#MAX_LIMIT}
     * @param page the page number, starting at 1; a page past the last one is empty
     */
    List<CodeLog> listRunLogs(@Nullable String runId, @Nullable String codeId, int limit, int page);

    /**
     * Replaces a log's content, keeping {@code createdAt} and advancing {@code updatedAt}. Never brings back a
     * deleted log; of two concurrent updates one wins whole.
     *
     * @return the log as stored after the update
     * @throws CodeLogNotFoundException when no log has this id
     */
    CodeLog update(String id, String content);

    /**
     * Deletes a log.
     *
     * @return true when a log was deleted, false when there was none (deleting twice is not an error)
     */
    boolean delete(String id);

    /**
     * Deletes up to {@code limit} logs created before {@code cutoff}, across the whole history.
     *
     * @return how many logs were deleted
     */
    long deleteOlder(Instant cutoff, long limit);

    /** How many logs match the filter; the same filter rules as {@link #listRunLogs}. */
    long count(@Nullable String runId, @Nullable String codeId);
}
