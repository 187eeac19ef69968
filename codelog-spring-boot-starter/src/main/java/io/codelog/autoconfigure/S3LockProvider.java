package io.codelog.autoconfigure;

import net.javacrumbs.shedlock.support.StorageBasedLockProvider;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A ShedLock lock provider on S3 conditional writes, for services that keep their logs in S3 only: the lock named
 * N is the object {@code {prefix}/locks/N} ({@code locks/N} without a prefix) in the logs' bucket, outside
 * {@code logs/} and {@code index/}. An instance never releases or extends a lock that another instance took after
 * it expired. See {@link S3LockStorageAccessor} for the key rule, the conditions and the request costs.
 */
final class S3LockProvider extends StorageBasedLockProvider {

    /**
     * @param client the client to call S3 with
     * @param bucket the logs' bucket
     * @param prefix the logs' key prefix, as {@code codelog.s3.prefix}; empty or null for none
     * @throws IllegalArgumentException when the bucket or the prefix breaks the log store's rules
     */
    S3LockProvider(S3Client client, String bucket, @Nullable String prefix) {
        super(new S3LockStorageAccessor(client, bucket, prefix));
    }
}
