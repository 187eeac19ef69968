package io.codelog.cli;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * The demo's servers, inside this JVM on free loopback ports, in memory: a MongoDB-protocol server
 * (mongo-java-server) and an S3-protocol server (s3proxy) that accepts only keys made up for this run.
 */
final class DemoServers implements AutoCloseable {

    static final String REGION = "us-east-1";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoServer mongo;
    private final BlobStore blobStore;
    private final S3Proxy s3;
    private final String accessKeyId;
    private final String secretAccessKey;

    private DemoServers(
            MongoServer mongo, BlobStore blobStore, S3Proxy s3, String accessKeyId, String secretAccessKey) {
        this.mongo = mongo;
        this.blobStore = blobStore;
        this.s3 = s3;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
    }

    /**
     * Starts both servers.
     *
     * @throws IllegalStateException when s3proxy does not serve within 30 seconds
     */
    static DemoServers start() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String accessKeyId = "demo-" + random(8);
        String secretAccessKey = random(20);
        BlobStore blobStore = BlobStores.create("transient", new Properties());
        S3Proxy s3 = S3Proxy.builder()
                .blobStore(blobStore)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        try {
            s3.start();
            awaitStarted(s3);
        } catch (Exception e) {
            mongo.shutdownNow();
            blobStore.close();
            throw new IllegalStateException("The demo's s3proxy did not start: " + e.getMessage(), e);
        }
        return new DemoServers(mongo, blobStore, s3, accessKeyId, secretAccessKey);
    }

    /** {@code mongodb://127.0.0.1:PORT/database}. */
    String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/" + database;
    }

    /** {@code http://127.0.0.1:PORT}. */
    String s3Endpoint() {
        return "http://127.0.0.1:" + s3.getPort();
    }

    String accessKeyId() {
        return accessKeyId;
    }

    String secretAccessKey() {
        return secretAccessKey;
    }

    @Override
    public void close() {
        try {
            s3.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The demo's s3proxy did not stop: " + e.getMessage(), e);
        } finally {
            blobStore.close();
            mongo.shutdownNow();
        }
    }

    private static void awaitStarted(S3Proxy proxy) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            if ("FAILED".equals(proxy.getState()) || System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("s3proxy is " + proxy.getState());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
