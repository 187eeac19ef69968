package io.codelog.it;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * A TCP proxy on a random loopback port in front of an HTTP/1.1 server, which injects faults on demand:
 * answers a request itself with an S3 error, resets the connection, stalls without answering, or refuses
 * connections altogether until restored. Every forwarded request is sent with {@code Connection: close}, so
 * each connection carries one request and each fault hits exactly the requests it is armed for.
 */
final class FaultProxy implements AutoCloseable {

    /** What the proxy does to an armed request instead of forwarding it. */
    enum Fault {
        /** Answers 503 with S3's {@code SlowDown} error. */
        SLOW_DOWN_503(503, "Slow Down", "SlowDown", "Please reduce your request rate."),
        /** Answers 500 with S3's {@code InternalError} error. */
        INTERNAL_ERROR_500(500, "Internal Server Error", "InternalError", "We encountered an internal error."),
        /** Closes the connection with SO_LINGER 0, which sends a TCP reset. */
        RESET(0, null, null, null),
        /** Reads the request and never answers, until the client gives up. */
        STALL(0, null, null, null),
        /**
         * Forwards the request and lets the server act on it, then resets the connection instead of passing the answer
         * on (a {@code 100 Continue} is passed, so the client sends its body): the client cannot tell whether the
         * request took effect.
         */
        RESPONSE_LOST(0, null, null, null),
        /**
         * Forwards the request and passes the answer on with the first half of its body only, its
         * {@code Content-Length} to match: what a server that writes an object in place (Adobe S3Mock) serves while
         * a PUT of that object is under way.
         */
        PART_WRITTEN(0, null, null, null);

        private final int status;
        private final String reason;
        private final String code;
        private final String message;

        Fault(int status, String reason, String code, String message) {
            this.status = status;
            this.reason = reason;
            this.code = code;
            this.message = message;
        }
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final InetSocketAddress upstream;
    private final int port;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong injected = new AtomicLong();
    private final AtomicInteger requestNumber = new AtomicInteger();
    private final Object armLock = new Object();
    private volatile ServerSocket listener;
    private final Deque<Fault> pending = new ArrayDeque<>();
    private Predicate<String> armedFor = requestLine -> true;
    private int passBeforeFault;

    private FaultProxy(URI upstream) throws IOException {
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fault-proxy-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        startAccepting(listener);
    }

    /** Starts a proxy in pass-through mode in front of the server at this {@code http://host:port} endpoint. */
    static FaultProxy start(URI upstream) throws IOException {
        return new FaultProxy(upstream);
    }

    /** The endpoint clients connect to. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Forwards every request from now on. */
    void passThrough() {
        arm(null, 0, 0);
    }

    /** Applies the fault to the next {@code count} requests, then forwards again. */
    void inject(Fault fault, int count) {
        arm(fault, 0, count);
    }

    /** Forwards the next {@code pass} requests, then applies the fault to the {@code count} after them. */
    void inject(Fault fault, int pass, int count) {
        arm(fault, pass, count);
    }

    /**
     * Applies the fault to the next {@code count} requests whose request line (e.g. {@code PUT /bucket/key
     * HTTP/1.1}) matches, then forwards again; requests that do not match are forwarded meanwhile.
     */
    void inject(Fault fault, Predicate<String> requestLine, int count) {
        injectInTurn(requestLine, Collections.nCopies(count, fault));
    }

    /**
     * Applies these faults, one each and in this order, to the next requests whose request line matches, then
     * forwards again; requests that do not match are forwarded meanwhile.
     */
    void injectInTurn(Predicate<String> requestLine, List<Fault> faults) {
        synchronized (armLock) {
            arm(null, 0, 0);
            pending.addAll(faults);
            armedFor = requestLine;
        }
    }

    /** How many requests were faulted since the proxy started; a {@link #cut} is not counted here. */
    long injected() {
        return injected.get();
    }

    /**
     * Waits until no connection is open: every request sent through the proxy has been answered, refused or dropped,
     * so none is still on its way to the server.
     *
     * @return whether that happened within the timeout
     */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!open.isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(IDLE_POLL_NANOS);
        }
        return true;
    }

    /** Stops listening and resets every open connection: new connections are refused until {@link #restore}. */
    void cut() throws IOException {
        ServerSocket current = listener;
        current.close();
        for (Socket socket : open) {
            reset(socket);
        }
    }

    /** Listens again on the same port after {@link #cut}. */
    void restore() throws IOException {
        listener = listen(port);
        startAccepting(listener);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        threads.shutdownNow();
    }

    private void arm(Fault fault, int pass, int count) {
        synchronized (armLock) {
            pending.clear();
            if (fault != null) {
                pending.addAll(Collections.nCopies(count, fault));
            }
            armedFor = requestLine -> true;
            passBeforeFault = pass;
        }
    }

    private Fault nextFault(HttpRequestHead head) {
        synchronized (armLock) {
            if (pending.isEmpty() || !armedFor.test(head.requestLine())) {
                return null;
            }
            if (passBeforeFault > 0) {
                passBeforeFault--;
                return null;
            }
            injected.incrementAndGet();
            return pending.poll();
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void startAccepting(ServerSocket socket) {
        threads.execute(() -> {
            while (!socket.isClosed()) {
                Socket client;
                try {
                    client = socket.accept();
                } catch (IOException closedByCutOrClose) {
                    return;
                }
                open.add(client);
                threads.execute(() -> serve(client));
            }
        });
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            HttpRequestHead head = HttpRequestHead.read(in);
            if (head == null) {
                return;
            }
            requestNumber.incrementAndGet();
            Fault fault = nextFault(head);
            if (fault == null) {
                forward(client, in, head);
            } else {
                apply(fault, client, in, head);
            }
        } catch (IOException connectionEnded) {
            // The client or the server closed or reset the connection: there is no one left to answer.
        } finally {
            open.remove(client);
        }
    }

    private void apply(Fault fault, Socket client, InputStream in, HttpRequestHead head) throws IOException {
        switch (fault) {
            case RESET -> client.setSoLinger(true, 0);
            case STALL -> in.transferTo(OutputStream.nullOutputStream());
            case RESPONSE_LOST -> {
                forwardAndDropAnswer(client, in, head);
                client.setSoLinger(true, 0);
            }
            case PART_WRITTEN -> forwardHalfBody(client, in, head);
            case SLOW_DOWN_503, INTERNAL_ERROR_500 -> {
                head.skipBody(in);
                answer(fault, client.getOutputStream(), head.isHead());
                client.shutdownOutput();
            }
        }
    }

    private void answer(Fault fault, OutputStream out, boolean headRequest) throws IOException {
        String requestId = "fault-" + requestNumber.get();
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + fault.code + "</Code><Message>"
                        + fault.message + "</Message><RequestId>" + requestId + "</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + fault.status + " " + fault.reason + "\r\n"
                + "Content-Type: application/xml\r\n"
                + "x-amz-request-id: " + requestId + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (!headRequest) {
            out.write(body);
        }
        out.flush();
    }

    private void forward(Socket client, InputStream in, HttpRequestHead head) throws IOException {
        try (Socket server = sendUpstream(in, head)) {
            server.getInputStream().transferTo(client.getOutputStream());
            client.getOutputStream().flush();
        } finally {
            open.removeIf(Socket::isClosed);
        }
    }

    /** Forwards the request, passes interim {@code 100 Continue} answers, and reads the final answer to nowhere. */
    private void forwardAndDropAnswer(Socket client, InputStream in, HttpRequestHead head) throws IOException {
        try (Socket server = sendUpstream(in, head)) {
            InputStream fromServer = new BufferedInputStream(server.getInputStream());
            byte[] answerHead = HttpRequestHead.readHeadBytes(fromServer);
            while (answerHead != null
                    && new String(answerHead, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 100")) {
                client.getOutputStream().write(answerHead);
                client.getOutputStream().flush();
                answerHead = HttpRequestHead.readHeadBytes(fromServer);
            }
            fromServer.transferTo(OutputStream.nullOutputStream());
        } finally {
            open.removeIf(Socket::isClosed);
        }
    }

    /** Forwards the request and passes on the answer's head and the first half of its body. */
    private void forwardHalfBody(Socket client, InputStream in, HttpRequestHead head) throws IOException {
        try (Socket server = sendUpstream(in, head)) {
            InputStream fromServer = new BufferedInputStream(server.getInputStream());
            byte[] answerHead = HttpRequestHead.readHeadBytes(fromServer);
            if (answerHead == null) {
                return;
            }
            byte[] body = fromServer.readAllBytes();
            byte[] half = Arrays.copyOf(body, body.length / 2);
            OutputStream out = client.getOutputStream();
            out.write(HttpRequestHead.withContentLength(answerHead, half.length));
            out.write(half);
            out.flush();
        } finally {
            open.removeIf(Socket::isClosed);
        }
    }

    /** A connection to the server that has been sent the request's head and is being sent its body. */
    private Socket sendUpstream(InputStream in, HttpRequestHead head) throws IOException {
        Socket server = new Socket();
        open.add(server);
        try {
            server.connect(upstream, CONNECT_TIMEOUT_MILLIS);
            OutputStream toServer = server.getOutputStream();
            toServer.write(head.withConnectionClose());
            toServer.flush();
            threads.execute(() -> pipe(in, toServer));
            return server;
        } catch (IOException e) {
            server.close();
            throw e;
        }
    }

    private static void pipe(InputStream from, OutputStream to) {
        try {
            from.transferTo(to);
        } catch (IOException connectionEnded) {
            // Either side closed once the exchange was over: the body has been sent or is no longer wanted.
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException alreadyClosed) {
            // A socket that is already closed needs no reset.
        }
    }
}
