package io.codelog.acceptance;

import io.codelog.testservers.S3TestServer;
import io.codelog.testservers.TestS3Clients;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A plain {@link S3Client} on a test server, to seed and inspect buckets behind the application's back. */
final class RawS3 implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final S3Client client;

    RawS3(S3TestServer server) {
        client = TestS3Clients.builder(server).build();
    }

    /** Creates a bucket with a unique name starting with {@code namePrefix}. */
    String newBucket(String namePrefix) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return createBucket(namePrefix + "-" + HexFormat.of().formatHex(random));
    }

    /** Creates the bucket and returns its name. */
    String createBucket(String bucket) {
        client.createBucket(request -> request.bucket(bucket));
        return bucket;
    }

    /** Writes an object as it is. */
    void put(String bucket, String key, String body, Map<String, String> metadata) {
        client.putObject(
                request -> request.bucket(bucket)
                        .key(key)
                        .contentType("application/json")
                        .metadata(metadata),
                RequestBody.fromString(body, StandardCharsets.UTF_8));
    }

    /** Every key under the prefix. */
    List<String> keys(String bucket, String prefix) {
        return client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    /** The body of an object, or null when there is none. */
    String body(String bucket, String key) {
        try {
            return client.getObjectAsBytes(request -> request.bucket(bucket).key(key))
                    .asUtf8String();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
