package io.codelog.s3;

import java.time.LocalDate;

/**
 * One parsed log key: where it sits and the ids its path carries.
 *
 * @param key the full object key
 * @param root the root the key sits under
 * @param day the date of the key's day prefix (not necessarily the UTC date of the log's createdAt)
 * @param runId the run segment
 * @param codeId the code segment
 * @param logId the log id of the file name
 */
record LogKey(String key, Root root, LocalDate day, String runId, String codeId, String logId) {

    /** The two places log keys can live in the bucket. */
    enum Root {
        /** {@code {prefix}/logs/...}: where this store writes. */
        STANDARD,
        /** {@code {bucket}/{prefix}/logs/...}: written through an endpoint with the bucket in it. */
        LEGACY
    }
}
