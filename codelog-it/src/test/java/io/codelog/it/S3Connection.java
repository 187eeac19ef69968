package io.codelog.it;

import io.codelog.s3.S3RequestCounter;
import io.codelog.testservers.S3TestServer;
import io.codelog.testservers.TestS3Clients;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** An S3 client of the test server, straight or through another endpoint, that counts its requests. */
final class S3Connection implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final S3Client client;
    private final S3RequestCounter counter = new S3RequestCounter();

    private S3Connection(S3TestServer server, URI endpoint, ClientBudget budget, List<ExecutionInterceptor> more) {
        ClientOverrideConfiguration.Builder config = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(counter)
                .apiCallAttemptTimeout(budget.attemptTimeout())
                .apiCallTimeout(budget.callTimeout())
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(budget.maxAttempts())
                        .circuitBreakerEnabled(budget.circuitBreaker())
                        .build());
        more.forEach(config::addExecutionInterceptor);
        client = TestS3Clients.builder(endpoint, server.region(), server.accessKeyId(), server.secretAccessKey())
                .overrideConfiguration(config.build())
                .build();
    }

    /** A client talking to the server itself, with generous timeouts, and these interceptors after the counter. */
    static S3Connection direct(S3TestServer server, ExecutionInterceptor... more) {
        return new S3Connection(
                server,
                server.endpoint(),
                new ClientBudget(java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(60), 3),
                List.of(more));
    }

    /**
     * A client signing for the server but sending to another endpoint, e.g. a {@link FaultProxy}, with these
     * interceptors after its request counter.
     */
    static S3Connection through(
            URI endpoint, S3TestServer server, ClientBudget budget, ExecutionInterceptor... interceptors) {
        return new S3Connection(server, endpoint, budget, List.of(interceptors));
    }

    S3Client client() {
        return client;
    }

    S3RequestCounter counter() {
        return counter;
    }

    /** Creates a bucket with a unique name starting with {@code namePrefix}. */
    String newBucket(String namePrefix) {
        String bucket = namePrefix + "-" + random(6);
        client.createBucket(request -> request.bucket(bucket));
        return bucket;
    }

    /** A unique key prefix starting with {@code name}. */
    static String newPrefix(String name) {
        return name + "-" + random(4);
    }

    /** Every key of the bucket under the prefix (all of them for an empty prefix), by raw ListObjectsV2. */
    List<String> keys(String bucket, String prefix) {
        return client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    @Override
    public void close() {
        client.close();
    }

    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
