package io.codelog.s3;

import io.codelog.core.CodeLogStorageException;
import io.codelog.core.MalformedCodeLogException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 requests of this store, one method per request: a missing key is an empty result, every other
 * failure a {@link CodeLogStorageException} naming the repository operation, bucket and key (never a body).
 */
final class S3Calls {

    /** The most keys one DeleteObjects request takes. */
    static final int MAX_DELETE_BATCH = 1_000;

    private static final int NOT_FOUND = 404;
    private static final int CONFLICT = 409;
    private static final int PRECONDITION_FAILED = 412;
    private static final String STORE = "s3";
    private static final String JSON = "application/json";

    private final S3Client client;
    private final String bucket;
    private final ServerSideEncryption encryption;
    private final int maxObjectBytes;

    /** @param maxObjectBytes the largest object {@link #get} reads; a larger one is never downloaded */
    S3Calls(S3Client client, String bucket, ServerSideEncryption encryption, int maxObjectBytes) {
        this.client = client;
        this.bucket = bucket;
        this.encryption = encryption;
        this.maxObjectBytes = maxObjectBytes;
    }

    /** The bytes, content encoding, user metadata and ETag of one object. */
    record StoredObject(byte[] bytes, @Nullable String contentEncoding, Map<String, String> metadata, String eTag) {}

    /** What a conditional PUT did. */
    enum Written {
        /** The object was written. */
        WRITTEN,
        /** The condition did not hold: the key exists ({@code If-None-Match}) or changed ({@code If-Match}). */
        CONDITION_FAILED,
        /** The key does not exist ({@code If-Match} only). */
        MISSING
    }

    /**
     * The outcome of a conditional PUT.
     *
     * @param written what happened
     * @param eTag the new object's ETag when written, else null
     */
    record ConditionalPut(Written written, @Nullable String eTag) {}

    /** One key of a listing and when its object was last written. */
    record ListedObject(String key, Instant lastModified) {}

    /** One page of ListObjectsV2. */
    record ListPage(List<ListedObject> objects, List<String> commonPrefixes, String nextToken) {}

    String bucket() {
        return bucket;
    }

    /**
     * GetObject, empty when the key does not exist.
     *
     * @throws MalformedCodeLogException when the object is larger than the store reads: its body is not
     *     downloaded, so a huge object cannot exhaust the heap
     */
    Optional<StoredObject> get(String operation, String key) {
        return call(operation, "key=" + key, () -> {
            ResponseInputStream<GetObjectResponse> response;
            try {
                response = client.getObject(request -> request.bucket(bucket).key(key));
            } catch (S3Exception e) {
                return emptyIfMissingKey(e);
            }
            try (response) {
                GetObjectResponse head = response.response();
                Long length = head.contentLength();
                if (length != null && length > maxObjectBytes) {
                    response.abort();
                    throw tooLarge(length);
                }
                byte[] bytes = response.readNBytes(maxObjectBytes + 1);
                if (bytes.length > maxObjectBytes) {
                    response.abort();
                    throw tooLarge(bytes.length);
                }
                return Optional.of(new StoredObject(bytes, head.contentEncoding(), head.metadata(), head.eTag()));
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

    private MalformedCodeLogException tooLarge(long length) {
        return new MalformedCodeLogException(
                "the object is " + length + " bytes, over the " + maxObjectBytes + "-byte limit of a log object");
    }

    /** HeadObject's user metadata, empty when the key does not exist. */
    Optional<Map<String, String>> headMetadata(String operation, String key) {
        return call(operation, "key=" + key, () -> {
            try {
                return Optional.of(
                        client.headObject(request -> request.bucket(bucket).key(key))
                                .metadata());
            } catch (S3Exception e) {
                return emptyIfMissingKey(e);
            }
        });
    }

    /** HeadObject's ETag, empty when the key does not exist. */
    Optional<String> headETag(String operation, String key) {
        return call(operation, "key=" + key, () -> {
            try {
                return Optional.of(
                        client.headObject(request -> request.bucket(bucket).key(key))
                                .eTag());
            } catch (S3Exception e) {
                return emptyIfMissingKey(e);
            }
        });
    }

    /** PutObject of a JSON body with the store's server-side encryption, replacing any object at the key. */
    void put(
            String operation, String key, byte[] body, @Nullable String contentEncoding, Map<String, String> metadata) {
        PutObjectRequest request = putRequest(key, contentEncoding, metadata).build();
        call(operation, "key=" + key, () -> client.putObject(request, RequestBody.fromBytes(body)));
    }

    /** PutObject only when no object has the key ({@code If-None-Match: *}): never an overwrite. */
    ConditionalPut putIfAbsent(
            String operation, String key, byte[] body, @Nullable String contentEncoding, Map<String, String> metadata) {
        return conditionalPut(
                operation, key, body, putRequest(key, contentEncoding, metadata).ifNoneMatch("*"));
    }

    /** PutObject only when the object at the key still has this ETag ({@code If-Match}): never a resurrection. */
    ConditionalPut putIfMatch(
            String operation,
            String key,
            byte[] body,
            @Nullable String contentEncoding,
            Map<String, String> metadata,
            String eTag) {
        return conditionalPut(
                operation, key, body, putRequest(key, contentEncoding, metadata).ifMatch(eTag));
    }

    private ConditionalPut conditionalPut(String operation, String key, byte[] body, PutObjectRequest.Builder request) {
        return call(operation, "key=" + key, () -> {
            try {
                return new ConditionalPut(
                        Written.WRITTEN,
                        client.putObject(request.build(), RequestBody.fromBytes(body))
                                .eTag());
            } catch (S3Exception e) {
                return new ConditionalPut(refusal(e), null);
            }
        });
    }

    // 409 ConditionalRequestConflict: another conditional write of the key was under way; it wins.
    private static Written refusal(S3Exception e) {
        return switch (e.statusCode()) {
            case PRECONDITION_FAILED, CONFLICT -> Written.CONDITION_FAILED;
            case NOT_FOUND -> {
                if (isCode(e, "NoSuchBucket")) {
                    throw e;
                }
                yield Written.MISSING;
            }
            default -> throw e;
        };
    }

    private static boolean isCode(S3Exception e, String code) {
        return e.awsErrorDetails() != null && code.equals(e.awsErrorDetails().errorCode());
    }

    private PutObjectRequest.Builder putRequest(
            String key, @Nullable String contentEncoding, Map<String, String> metadata) {
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType(JSON)
                .contentEncoding(contentEncoding)
                .metadata(metadata);
        switch (encryption.mode()) {
            case AES256 ->
                request.serverSideEncryption(software.amazon.awssdk.services.s3.model.ServerSideEncryption.AES256);
            case KMS ->
                request.serverSideEncryption(software.amazon.awssdk.services.s3.model.ServerSideEncryption.AWS_KMS)
                        .ssekmsKeyId(encryption.kmsKeyId());
            case NONE -> {}
        }
        return request;
    }

    /** One ListObjectsV2 page of up to 1,000 keys, with common prefixes when a delimiter is given. */
    ListPage list(String operation, String prefix, String delimiter, String continuationToken) {
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(bucket)
                .prefix(prefix)
                .delimiter(delimiter)
                .continuationToken(continuationToken)
                .build();
        ListObjectsV2Response response = call(operation, "prefix=" + prefix, () -> client.listObjectsV2(request));
        List<ListedObject> objects = new ArrayList<>(response.contents().size());
        for (S3Object object : response.contents()) {
            objects.add(new ListedObject(object.key(), object.lastModified()));
        }
        List<String> prefixes =
                response.commonPrefixes().stream().map(CommonPrefix::prefix).toList();
        String next = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        return new ListPage(objects, prefixes, next);
    }

    /**
     * One DeleteObjects request in quiet mode.
     *
     * @throws CodeLogStorageException naming the first key S3 could not delete
     */
    void delete(String operation, List<String> keys) {
        List<ObjectIdentifier> objects = keys.stream()
                .map(key -> ObjectIdentifier.builder().key(key).build())
                .toList();
        String where = "keys=" + keys.size() + " first=" + keys.get(0);
        DeleteObjectsResponse response = call(
                operation,
                where,
                () -> client.deleteObjects(request -> request.bucket(bucket)
                        .delete(Delete.builder().objects(objects).quiet(true).build())));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            S3Error first = response.errors().get(0);
            throw new CodeLogStorageException(
                    STORE,
                    operation,
                    "bucket=" + bucket + " key=" + first.key() + ": " + first.code() + " " + first.message() + " ("
                            + response.errors().size() + " of " + keys.size() + " keys not deleted; retry the call)",
                    null);
        }
    }

    private <T> T call(String operation, String where, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw new CodeLogStorageException(STORE, operation, "bucket=" + bucket + " " + where + ": " + reason(e), e);
        }
    }

    private static String reason(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ") "
                    + service.awsErrorDetails().errorMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    // HeadObject's 404 has no body, so a missing bucket looks like a missing key there; GetObject names it.
    private static <T> Optional<T> emptyIfMissingKey(S3Exception e) {
        boolean missingBucket = e.awsErrorDetails() != null
                && "NoSuchBucket".equals(e.awsErrorDetails().errorCode());
        if (e instanceof NoSuchKeyException || (e.statusCode() == NOT_FOUND && !missingBucket)) {
            return Optional.empty();
        }
        throw e;
    }
}
