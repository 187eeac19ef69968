package io.codelog.acceptance;

import io.codelog.testservers.S3TestServer;

/**
 * Where a row's logs go in S3.
 *
 * @param server the S3-protocol server
 * @param bucket a bucket of the row's own
 * @param prefix the key prefix
 */
record S3Place(S3TestServer server, String bucket, String prefix) {

    /** The key of the retention cleaner's lock, when the lock is kept in the bucket. */
    String lockKey() {
        return prefix + "/locks/codelog-retention";
    }
}
