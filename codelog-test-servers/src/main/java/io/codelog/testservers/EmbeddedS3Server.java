package io.codelog.testservers;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * s3proxy inside this JVM on a random loopback port, over a transient (in-memory) blob store, or over its
 * filesystem blob store in a temporary directory for more objects than memory holds (s3proxy's in-memory store
 * refuses writes, "out of disk space", at around a million objects), accepting the kit's keys or keys the caller
 * chooses; the one place this project starts s3proxy. The caller closes it, which stops the server and deletes the
 * directory. Conditional writes are atomic, as on Amazon S3 (see {@link
 * AtomicConditionalBlobStore}).
 */
public final class EmbeddedS3Server implements S3TestServer, RunningServer {

    static final String REGION = "us-east-1";
    static final String ACCESS_KEY_ID = "codelog-test-access-key";
    static final String SECRET_ACCESS_KEY = "codelog-test-secret-key";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3Server.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final URI endpoint;
    private final Path directory;
    private final String accessKeyId;
    private final String secretAccessKey;

    private EmbeddedS3Server(
            S3Proxy proxy,
            BlobStore blobStore,
            URI endpoint,
            Path directory,
            String accessKeyId,
            String secretAccessKey) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.endpoint = endpoint;
        this.directory = directory;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
    }

    /**
     * Starts s3proxy over an in-memory blob store on 127.0.0.1 on a free port and waits until it serves.
     *
     * @throws IllegalStateException when it fails to start within 30 seconds
     */
    public static EmbeddedS3Server start() {
        return start(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    }

    /**
     * Starts s3proxy over an in-memory blob store on 127.0.0.1 on a free port, accepting only these keys, and
     * waits until it serves: for a test that hands an application credentials of its own choosing, such as the
     * seed's example keys. The caller closes it.
     *
     * @throws IllegalArgumentException when a key is blank
     * @throws IllegalStateException when it fails to start within 30 seconds
     */
    public static EmbeddedS3Server start(String accessKeyId, String secretAccessKey) {
        requireKeys(accessKeyId, secretAccessKey);
        return start(BlobStores.create("transient", new Properties()), null, accessKeyId, secretAccessKey);
    }

    /**
     * Starts s3proxy over a filesystem blob store in a new temporary directory, on 127.0.0.1 on a free port, and
     * waits until it serves. Closing it deletes the directory.
     *
     * @throws IllegalStateException when it fails to start within 30 seconds
     * @throws UncheckedIOException when the directory cannot be created
     */
    public static EmbeddedS3Server startOnDisk() {
        return startOnDisk(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    }

    /**
     * Starts s3proxy over a filesystem blob store in a new temporary directory, on 127.0.0.1 on a free port,
     * accepting only these keys, and waits until it serves. Closing it deletes the directory.
     *
     * @throws IllegalArgumentException when a key is blank
     * @throws IllegalStateException when it fails to start within 30 seconds
     * @throws UncheckedIOException when the directory cannot be created
     */
    public static EmbeddedS3Server startOnDisk(String accessKeyId, String secretAccessKey) {
        requireKeys(accessKeyId, secretAccessKey);
        Path directory = TemporaryDirectory.create("codelog-s3", "the embedded s3proxy");
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        return start(BlobStores.create("filesystem", properties), directory, accessKeyId, secretAccessKey);
    }

    private static void requireKeys(String accessKeyId, String secretAccessKey) {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("Both the access key id and the secret access key are required");
        }
    }

    private static EmbeddedS3Server start(
            BlobStore blobStore, Path directory, String accessKeyId, String secretAccessKey) {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new AtomicConditionalBlobStore(blobStore))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception e) {
            stopQuietly(proxy);
            blobStore.close();
            TemporaryDirectory.delete(directory);
            throw new IllegalStateException("The embedded s3proxy did not start: " + e.getMessage(), e);
        }
        return new EmbeddedS3Server(
                proxy,
                blobStore,
                URI.create("http://127.0.0.1:" + proxy.getPort()),
                directory,
                accessKeyId,
                secretAccessKey);
    }

    private static void awaitStarted(S3Proxy proxy) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            if ("FAILED".equals(proxy.getState())) {
                throw new IllegalStateException("s3proxy reported state FAILED");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(
                        "s3proxy still " + proxy.getState() + " after " + START_TIMEOUT.toSeconds() + "s");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String region() {
        return REGION;
    }

    @Override
    public String accessKeyId() {
        return accessKeyId;
    }

    @Override
    public String secretAccessKey() {
        return secretAccessKey;
    }

    /** The directory of the filesystem blob store, or null for the in-memory one. */
    Path directory() {
        return directory;
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void close() {
        stopQuietly(proxy);
        blobStore.close();
        TemporaryDirectory.delete(directory);
    }

    // Stopping happens at the end of a run or after a failed start: a failure to stop must not hide the
    // original outcome, so it is logged rather than thrown.
    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.warn("The embedded s3proxy did not stop cleanly: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "EmbeddedS3Server[" + endpoint + "]";
    }
}
