package io.codelog.test;

import java.net.URI;
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

/** s3proxy over a transient (in-memory) blob store, inside this JVM on a random loopback port. */
final class EmbeddedS3Server implements S3TestServer, RunningServer {

    static final String REGION = "us-east-1";
    static final String ACCESS_KEY_ID = "codelog-test-access-key";
    static final String SECRET_ACCESS_KEY = "codelog-test-secret-key";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3Server.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final URI endpoint;

    private EmbeddedS3Server(S3Proxy proxy, BlobStore blobStore, URI endpoint) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.endpoint = endpoint;
    }

    /**
     * Starts s3proxy on 127.0.0.1 on a free port and waits until it serves.
     *
     * @throws IllegalStateException when it fails to start within 30 seconds
     */
    static EmbeddedS3Server start() {
        BlobStore blobStore = BlobStores.create("transient", new Properties());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception e) {
            stopQuietly(proxy);
            blobStore.close();
            throw new IllegalStateException("The embedded s3proxy did not start: " + e.getMessage(), e);
        }
        return new EmbeddedS3Server(proxy, blobStore, URI.create("http://127.0.0.1:" + proxy.getPort()));
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
        return ACCESS_KEY_ID;
    }

    @Override
    public String secretAccessKey() {
        return SECRET_ACCESS_KEY;
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void close() {
        stopQuietly(proxy);
        blobStore.close();
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
