package io.codelog.it;

import io.codelog.testservers.S3TestServer;
import java.io.IOException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * A test S3 server with a {@link FaultProxy} in front of it, a bucket of its own, and a direct connection that
 * sees the bucket as it is whatever the proxy does. Clients of the store {@link #connect} through the proxy.
 */
final class ProxiedS3 implements AutoCloseable {

    private final S3TestServer server;
    private final S3Connection direct;
    private final String bucket;
    private final FaultProxy proxy;

    private ProxiedS3(S3TestServer server, S3Connection direct, String bucket, FaultProxy proxy) {
        this.server = server;
        this.direct = direct;
        this.bucket = bucket;
        this.proxy = proxy;
    }

    /** Creates a bucket whose name starts with {@code bucketPrefix} and starts a pass-through proxy. */
    static ProxiedS3 start(S3TestServer server, String bucketPrefix) throws IOException {
        S3Connection direct = S3Connection.direct(server);
        try {
            return new ProxiedS3(server, direct, direct.newBucket(bucketPrefix), FaultProxy.start(server.endpoint()));
        } catch (IOException | RuntimeException e) {
            direct.close();
            throw e;
        }
    }

    /** A new client that talks through the proxy within this budget, with these interceptors after its counter. */
    S3Connection connect(ClientBudget budget, ExecutionInterceptor... interceptors) {
        return S3Connection.through(proxy.endpoint(), server, budget, interceptors);
    }

    /** The connection straight to the server. */
    S3Connection direct() {
        return direct;
    }

    String bucket() {
        return bucket;
    }

    FaultProxy proxy() {
        return proxy;
    }

    @Override
    public void close() throws IOException {
        try {
            proxy.close();
        } finally {
            direct.close();
        }
    }
}
