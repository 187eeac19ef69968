package io.codelog.testservers;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builders of S3 clients for test servers: path-style access (a test server has no bucket subdomains), the given
 * endpoint and region, static credentials; the one place tests, the benchmark and the demo build them. Callers add
 * interceptors, timeouts or a retry strategy with {@code overrideConfiguration} and build.
 */
public final class TestS3Clients {

    private static final String UNREACHABLE_REGION = "us-east-1";
    private static final String UNREACHABLE_KEY = "unreachable";
    private static final Duration UNREACHABLE_CALL_TIMEOUT = Duration.ofSeconds(10);

    private TestS3Clients() {}

    /** A builder of clients of this server, with its endpoint, region and keys. */
    public static S3ClientBuilder builder(S3TestServer server) {
        return builder(server.endpoint(), server.region(), server.accessKeyId(), server.secretAccessKey());
    }

    /** A builder of clients of the server at this endpoint, such as a proxy in front of a test server. */
    public static S3ClientBuilder builder(URI endpoint, String region, String accessKeyId, String secretAccessKey) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(region))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
    }

    /** A client of this server, with its endpoint, region and keys. */
    public static S3Client client(S3TestServer server) {
        return builder(server).build();
    }

    /**
     * A client of a loopback port nobody listens on, for a store whose S3 is down: every call fails after one
     * attempt, within ten seconds.
     */
    public static S3Client unreachable() {
        return builder(
                        URI.create("http://127.0.0.1:" + LoopbackPorts.free()),
                        UNREACHABLE_REGION,
                        UNREACHABLE_KEY,
                        UNREACHABLE_KEY)
                .overrideConfiguration(config -> config.apiCallTimeout(UNREACHABLE_CALL_TIMEOUT)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(1)
                                .build()))
                .build();
    }
}
