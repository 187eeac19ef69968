package io.codelog.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;

/** Ports on the loopback interface: a free one to start a server on or to find nobody at, and whether one answers. */
public final class LoopbackPorts {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private LoopbackPorts() {}

    /**
     * A port nothing listened on a moment ago: a server can bind it, or a client aimed at it finds nobody. Another
     * process may take it meanwhile; a server that must have it retries on another.
     *
     * @throws UncheckedIOException when the operating system has no free port
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Whether a TCP connection to the host and port of this address is accepted within five seconds. */
    public static boolean acceptsConnections(URI address) {
        return acceptsConnections(address.getHost(), address.getPort());
    }

    /** Whether a TCP connection to host and port is accepted within five seconds. */
    public static boolean acceptsConnections(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
