package io.codelog.s3;

import io.codelog.testservers.S3TestServer;
import io.codelog.testservers.TestS3Clients;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** A client of the test S3 server that counts its requests, and helpers to make buckets and raw objects. */
final class S3Fixture implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    final S3Client client;
    final S3RequestCounter counter = new S3RequestCounter();

    S3Fixture(S3TestServer server) {
        client = TestS3Clients.builder(server)
                .overrideConfiguration(config -> config.addExecutionInterceptor(counter))
                .build();
    }

    /** Creates a bucket with a unique name starting with {@code namePrefix}. */
    String newBucket(String namePrefix) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String bucket = namePrefix + "-" + HexFormat.of().formatHex(random);
        client.createBucket(request -> request.bucket(bucket));
        return bucket;
    }

    /** A unique key prefix. */
    static String newPrefix(String name) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return name + "-" + HexFormat.of().formatHex(random);
    }

    /** One object to write as it is, bypassing the store. */
    record RawObject(String key, byte[] body, String contentEncoding, Map<String, String> metadata) {
        RawObject(String key, byte[] body) {
            this(key, body, null, Map.of());
        }

        /** The same object under another day prefix, file name kept. */
        RawObject withKeyUnder(String dayPrefix) {
            String[] parts = key.split("/");
            String tail = String.join("/", java.util.Arrays.copyOfRange(parts, parts.length - 3, parts.length));
            return new RawObject(dayPrefix + tail, body, contentEncoding, metadata);
        }
    }

    /** PUTs the objects with 16 parallel requests. */
    void putAll(String bucket, List<RawObject> objects) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>(objects.size());
            for (RawObject object : objects) {
                done.add(pool.submit(() -> put(bucket, object)));
            }
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    void put(String bucket, RawObject object) {
        client.putObject(
                request -> request.bucket(bucket)
                        .key(object.key())
                        .contentType("application/json")
                        .contentEncoding(object.contentEncoding())
                        .metadata(object.metadata()),
                RequestBody.fromBytes(object.body()));
    }

    boolean exists(String bucket, String key) {
        return !client.listObjectsV2(request -> request.bucket(bucket).prefix(key)).contents().stream()
                .filter(object -> object.key().equals(key))
                .toList()
                .isEmpty();
    }

    List<String> keys(String bucket, String prefix) {
        return client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(object -> object.key())
                .toList();
    }

    @Override
    public void close() {
        client.close();
    }
}
