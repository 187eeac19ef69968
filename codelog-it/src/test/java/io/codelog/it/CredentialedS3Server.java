package io.codelog.it;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * An s3proxy of its own on a random loopback port that accepts only the given keys, so that a test can hand an
 * application secret values of its choosing and still have them work.
 */
final class CredentialedS3Server implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final BlobStore blobStore;
    private final S3Proxy proxy;

    private CredentialedS3Server(BlobStore blobStore, S3Proxy proxy) {
        this.blobStore = blobStore;
        this.proxy = proxy;
    }

    /**
     * Starts a server over an in-memory blob store and waits until it serves.
     *
     * @throws Exception when it does not start within 30 seconds
     */
    static CredentialedS3Server start(String accessKeyId, String secretAccessKey) throws Exception {
        BlobStore blobStore = BlobStores.create("transient", new Properties());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        CredentialedS3Server server = new CredentialedS3Server(blobStore, proxy);
        try {
            proxy.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!"STARTED".equals(proxy.getState())) {
                if ("FAILED".equals(proxy.getState()) || System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The endpoint to send requests to. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            blobStore.close();
        }
    }
}
