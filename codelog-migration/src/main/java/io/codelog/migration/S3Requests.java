package io.codelog.migration;

import io.codelog.core.CodeLogStorageException;
import io.codelog.core.MalformedCodeLogException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The raw S3 requests of the migration, each announced to the {@link RequestGate}: a missing key is an empty
 * result, any other failure a {@link CodeLogStorageException} naming the bucket and key, never a body.
 */
final class S3Requests {

    private static final int NOT_FOUND = 404;
    private static final String STORE = "s3";

    private final S3Client client;
    private final String bucket;

    S3Requests(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /** An object's bytes and content encoding. */
    record Body(byte[] bytes, String contentEncoding) {}

    String bucket() {
        return bucket;
    }

    /** HeadObject: the ETag without quotes, or empty when the key does not exist. */
    Optional<String> headETag(String operation, String key, RequestGate gate) {
        gate.acquire(RequestKind.S3_HEAD);
        return call(operation, key, () -> {
            try {
                return Optional.of(unquote(
                        client.headObject(request -> request.bucket(bucket).key(key))
                                .eTag()));
            } catch (S3Exception e) {
                return emptyIfMissing(e);
            }
        });
    }

    /** GetObject: the body, or empty when the key does not exist. */
    Optional<Body> get(String operation, String key, RequestGate gate) {
        gate.acquire(RequestKind.S3_GET);
        return call(operation, key, () -> {
            try {
                ResponseBytes<GetObjectResponse> response = client.getObjectAsBytes(
                        request -> request.bucket(bucket).key(key));
                return Optional.of(new Body(
                        response.asByteArrayUnsafe(), response.response().contentEncoding()));
            } catch (S3Exception e) {
                return emptyIfMissing(e);
            }
        });
    }

    /**
     * GetObject of at most {@code maxBytes}, as the S3 store reads: empty when the key does not exist.
     *
     * @throws MalformedCodeLogException when the object is larger; its body is not downloaded
     */
    Optional<Body> getAtMost(String operation, String key, int maxBytes, RequestGate gate) {
        gate.acquire(RequestKind.S3_GET);
        return call(operation, key, () -> {
            ResponseInputStream<GetObjectResponse> response;
            try {
                response = client.getObject(request -> request.bucket(bucket).key(key));
            } catch (S3Exception e) {
                return emptyIfMissing(e);
            }
            try (response) {
                Long length = response.response().contentLength();
                if (length != null && length > maxBytes) {
                    response.abort();
                    throw tooLarge("is " + length + " bytes, over", maxBytes);
                }
                byte[] bytes = response.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    response.abort();
                    throw tooLarge("is larger than", maxBytes);
                }
                return Optional.of(new Body(bytes, response.response().contentEncoding()));
            } catch (IOException e) {
                throw new CodeLogStorageException(
                        STORE,
                        operation,
                        "bucket=" + bucket + " key=" + key + ": reading the body failed: "
                                + e.getClass().getSimpleName(),
                        e);
            }
        });
    }

    private static MalformedCodeLogException tooLarge(String size, int maxBytes) {
        return new MalformedCodeLogException("the object " + size + " the " + maxBytes + "-byte limit of a log object");
    }

    /** One ListObjectsV2 page of up to {@code maxKeys} keys under a prefix. */
    ListObjectsV2Response list(
            String operation,
            String prefix,
            @Nullable String startAfter,
            @Nullable String continuationToken,
            int maxKeys,
            RequestGate gate) {
        gate.acquire(RequestKind.S3_LIST);
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(bucket)
                .prefix(prefix)
                .startAfter(continuationToken == null ? startAfter : null)
                .continuationToken(continuationToken)
                .maxKeys(maxKeys)
                .build();
        return call(operation, prefix, () -> client.listObjectsV2(request));
    }

    /** One DeleteObjects of a few keys. */
    void delete(String operation, List<String> keys, RequestGate gate) {
        gate.acquire(RequestKind.S3_DELETE);
        List<ObjectIdentifier> objects = keys.stream()
                .map(key -> ObjectIdentifier.builder().key(key).build())
                .toList();
        DeleteObjectsResponse response = call(
                operation,
                keys.get(0),
                () -> client.deleteObjects(request -> request.bucket(bucket)
                        .delete(Delete.builder().objects(objects).quiet(true).build())));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            throw new CodeLogStorageException(
                    STORE,
                    operation,
                    "bucket=" + bucket + " key=" + response.errors().get(0).key() + ": "
                            + response.errors().get(0).code() + " (run verify again to retry)",
                    null);
        }
    }

    private <T> T call(String operation, String key, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw new CodeLogStorageException(
                    STORE, operation, "bucket=" + bucket + " key=" + key + ": " + reason(e), e);
        }
    }

    private static String reason(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ")";
        }
        return e.getClass().getSimpleName();
    }

    static String unquote(String eTag) {
        if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }

    // HeadObject's 404 has no body, so a missing bucket looks like a missing key there; the next PUT names it.
    private static <T> Optional<T> emptyIfMissing(S3Exception e) {
        boolean missingBucket = e.awsErrorDetails() != null
                && "NoSuchBucket".equals(e.awsErrorDetails().errorCode());
        if (e instanceof NoSuchKeyException || (e.statusCode() == NOT_FOUND && !missingBucket)) {
            return Optional.empty();
        }
        throw e;
    }
}
