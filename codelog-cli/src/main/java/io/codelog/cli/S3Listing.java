package io.codelog.cli;

import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Walks every key under a prefix with ListObjectsV2, 1,000 keys a request, one page in memory at a time. */
final class S3Listing {

    private static final int PAGE = 1_000;

    private S3Listing() {}

    /**
     * Gives each object under the prefix to {@code each}, in key order.
     *
     * @return the LIST requests made
     */
    static long forEach(S3Client client, String bucket, String prefix, Consumer<S3Object> each) {
        long requests = 0;
        String token = null;
        do {
            ListObjectsV2Request.Builder request =
                    ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).maxKeys(PAGE);
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response page = client.listObjectsV2(request.build());
            requests++;
            page.contents().forEach(each);
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return requests;
    }

    /** The first page of up to {@code maxKeys} objects under the prefix (one request), for a sample. */
    static ListObjectsV2Response firstPage(S3Client client, String bucket, String prefix, int maxKeys) {
        return client.listObjectsV2(
                request -> request.bucket(bucket).prefix(prefix).maxKeys(maxKeys));
    }
}
