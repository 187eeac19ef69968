package io.codelog.s3;

import io.codelog.core.LogType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The body of an id index pointer: the key of the log, and the log's fields that never change so that an
 * update needs no GET of the log. Pointers written by an older writer may lack the fields after the key.
 *
 * @param key the log key
 * @param runId the run id, or null when absent
 * @param codeId the code id, or null when absent
 * @param type the type, or null when absent
 * @param createdAt the creation time, or null when absent
 */
record IdIndexEntry(
        String key,
        @Nullable String runId,
        @Nullable String codeId,
        @Nullable LogType type,
        @Nullable Instant createdAt) {

    /** Whether the pointer holds every field an update needs. */
    boolean isComplete() {
        return key != null && runId != null && codeId != null && type != null && createdAt != null;
    }
}
