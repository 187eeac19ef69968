package io.codelog.migration;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One partition of a job as the checkpoint collection holds it.
 *
 * @param jobId the job
 * @param partition the UTC day {@code yyyy-MM-dd}, or {@value #UNDATED}
 * @param state where it stands
 * @param owner the worker that holds or last held it, or null
 * @param leaseExpiresAt when the owner's claim lapses, or null when not claimed
 * @param claims how many times a worker claimed it
 * @param counts the logs of it checkpointed so far
 * @param lastPosition the source position up to which everything is done, or null
 * @param lastId the source key of the last log done in source order, or null
 */
public record PartitionStatus(
        String jobId,
        String partition,
        PartitionState state,
        @Nullable String owner,
        @Nullable Instant leaseExpiresAt,
        int claims,
        PartitionCounts counts,
        @Nullable String lastPosition,
        @Nullable String lastId) {

    /** The partition of the MongoDB source's logs that no day holds: those without a usable createdAt. */
    public static final String UNDATED = "undated";
}
