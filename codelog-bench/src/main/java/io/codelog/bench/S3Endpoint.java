package io.codelog.bench;

import io.codelog.s3.S3RequestCounter;
import io.codelog.testservers.S3TestServer;
import io.codelog.testservers.TestS3Clients;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Builds S3 clients for the benchmark's S3-protocol server, directly or through a delaying proxy, each with its
 * own request counter. The caller closes the clients it gets.
 */
final class S3Endpoint {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final S3TestServer server;

    S3Endpoint(S3TestServer server) {
        this.server = server;
    }

    /** The server's own address. */
    URI endpoint() {
        return server.endpoint();
    }

    /** A client of the server at this address (the server's or a proxy's) counting into {@code counter}. */
    S3Client client(URI endpoint, S3RequestCounter counter) {
        return TestS3Clients.builder(endpoint, server.region(), server.accessKeyId(), server.secretAccessKey())
                .overrideConfiguration(config -> config.addExecutionInterceptor(counter))
                .build();
    }

    /** Creates a bucket named {@code namePrefix-<random>} through the client and returns its name. */
    static String newBucket(S3Client client, String namePrefix) {
        byte[] random = new byte[5];
        RANDOM.nextBytes(random);
        String bucket = namePrefix + "-" + HexFormat.of().formatHex(random);
        client.createBucket(request -> request.bucket(bucket));
        return bucket;
    }

    /** Deletes every object of the bucket, 1,000 per request, then the bucket, so the server lets them go. */
    static void deleteBucket(S3Client client, String bucket) {
        client.listObjectsV2Paginator(request -> request.bucket(bucket)).stream()
                .map(page -> page.contents().stream()
                        .map(object ->
                                ObjectIdentifier.builder().key(object.key()).build())
                        .toList())
                .filter(keys -> !keys.isEmpty())
                .forEach(keys -> client.deleteObjects(request -> request.bucket(bucket)
                        .delete(delete -> delete.objects(keys).quiet(true))));
        client.deleteBucket(request -> request.bucket(bucket));
    }
}
