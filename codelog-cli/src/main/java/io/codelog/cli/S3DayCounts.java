package io.codelog.cli;

import io.codelog.s3.S3ObjectFormat;
import java.time.LocalDate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Counts the S3 store's log keys by the day in their key, from listings alone: one ListObjectsV2 per 1,000 keys
 * of each day prefix, never a GET. The legacy root's day prefixes are listed too when the store reads them and
 * one LIST finds anything under that root at all.
 */
final class S3DayCounts {

    private final S3Client client;
    private final String bucket;
    private final S3ObjectFormat format;
    private final boolean legacy;

    S3DayCounts(S3CommandConnection s3) {
        this.client = s3.client();
        this.bucket = s3.settings().bucket();
        this.format = s3.format();
        this.legacy = s3.settings().readLegacyPath()
                && !S3Listing.firstPage(client, bucket, BucketInventory.logsRoot(format, true), 1)
                        .contents()
                        .isEmpty();
    }

    /** The keys and bytes of one day. */
    record DayTotal(long keys, long bytes) {}

    /** The log keys under the day's prefixes. */
    DayTotal count(LocalDate day) {
        DayTotal total = list(format.dayPrefix(day, false));
        if (legacy) {
            DayTotal old = list(format.dayPrefix(day, true));
            total = new DayTotal(total.keys() + old.keys(), total.bytes() + old.bytes());
        }
        return total;
    }

    private DayTotal list(String prefix) {
        long[] keysAndBytes = new long[2];
        S3Listing.forEach(client, bucket, prefix, object -> {
            if (format.parse(object.key()).isPresent()) {
                keysAndBytes[0]++;
                keysAndBytes[1] += object.size() == null ? 0 : object.size();
            }
        });
        return new DayTotal(keysAndBytes[0], keysAndBytes[1]);
    }
}
