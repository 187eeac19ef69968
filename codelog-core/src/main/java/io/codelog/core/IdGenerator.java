package io.codelog.core;

import java.time.Instant;

/** Makes ids for logs created without one. */
@FunctionalInterface
public interface IdGenerator {

    /**
     * A new id for a log created at {@code createdAt}. Calls are serialised by {@link CodeLogRules}, with
     * {@code createdAt} never decreasing, so a generator may rely on both.
     */
    String newId(Instant createdAt);

    /**
     * ObjectIds whose order is the order of creation: within one process, sorting ids sorts logs by
     * {@code createdAt}, which lets the S3 store order a listing from its keys alone.
     */
    static IdGenerator objectIds() {
        return new ObjectIdGenerator();
    }
}
