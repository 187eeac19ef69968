package io.codelog.test;

import io.codelog.testservers.LoopbackPorts;
import java.net.URI;

/** Whether the test servers accept connections, with no MongoDB driver or S3 client. */
final class Wire {

    private Wire() {}

    /** Whether a TCP connection to the port of a {@code mongodb://host:port} URI is accepted. */
    static boolean acceptsConnections(String mongoUri) {
        URI uri = URI.create(mongoUri);
        return acceptsConnections(uri.getHost(), uri.getPort());
    }

    /** Whether a TCP connection to host and port is accepted. */
    static boolean acceptsConnections(String host, int port) {
        return LoopbackPorts.acceptsConnections(host, port);
    }
}
