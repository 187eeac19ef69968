package io.codelog.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback TCP proxy that holds back the first bytes of every response by a fixed delay, so that each HTTP
 * request costs one simulated network round trip: the latency of an operation then depends on how many
 * requests it makes one after the other, as against real S3. A PutObject with {@code Expect: 100-continue}
 * (the SDK's default) pays two round trips, the interim 100 and the final response, as it does against S3.
 */
final class DelayProxy implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final InetSocketAddress upstream;
    private final long delayNanos;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * Starts listening on a free loopback port.
     *
     * @throws UncheckedIOException when no port can be bound
     */
    DelayProxy(URI upstream, Duration delay) {
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        this.delayNanos = delay.toNanos();
        try {
            listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("the delay proxy could not bind a loopback port", e);
        }
        daemon("codelog-bench-proxy-accept", this::acceptLoop).start();
    }

    /** The address clients use instead of the upstream's. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // the listener was closed
            }
            try {
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                AtomicBoolean awaitingResponse = new AtomicBoolean();
                daemon("codelog-bench-proxy-up", () -> pump(client, server, awaitingResponse, false))
                        .start();
                daemon("codelog-bench-proxy-down", () -> pump(server, client, awaitingResponse, true))
                        .start();
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /**
     * Copies bytes from one socket to the other until either closes. Upstream, it marks that a request went
     * out; downstream, it delays the first bytes answering it.
     */
    private void pump(Socket from, Socket to, AtomicBoolean awaitingResponse, boolean responses) {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (!responses) {
                    awaitingResponse.set(true);
                } else if (awaitingResponse.getAndSet(false)) {
                    pause();
                }
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (SocketException e) {
            // The other direction or close() closed the connection: nothing left to copy.
            closeQuietly(to);
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void pause() {
        long deadline = System.nanoTime() + delayNanos;
        for (long left = delayNanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket that already failed: its failure has been handled by the caller.
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the delay proxy's listener did not close", e);
        } finally {
            sockets.forEach(DelayProxy::closeQuietly);
        }
    }
}
