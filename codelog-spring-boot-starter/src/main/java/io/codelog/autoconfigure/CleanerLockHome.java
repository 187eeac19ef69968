package io.codelog.autoconfigure;

import java.util.Optional;

/**
 * A place where the retention cleaner can take its lock, if the service has it: MongoDB when a MongoDB
 * connection is configured, else the logs' S3 bucket. The homes are asked in order; the first that can wins.
 */
@FunctionalInterface
interface CleanerLockHome {

    /** The lock in this home, or empty when the service has no such home. */
    Optional<CleanerLock> lock();
}
