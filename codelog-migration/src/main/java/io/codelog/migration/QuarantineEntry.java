package io.codelog.migration;

import java.time.Instant;

/**
 * A source entry that is not a readable log, recorded instead of being copied. Never holds the entry's content.
 *
 * @param jobId the job that found it
 * @param source the source store, {@code mongo} or {@code s3}
 * @param sourceKey the document {@code _id} or the S3 key
 * @param partition the partition it was listed in
 * @param reason what is wrong with it, e.g. {@code created_at is missing or the zero time}
 * @param at when it was recorded
 */
public record QuarantineEntry(
        String jobId, String source, String sourceKey, String partition, String reason, Instant at) {}
