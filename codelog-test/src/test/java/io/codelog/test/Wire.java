package io.codelog.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain TCP and HTTP calls to the test servers, with no MongoDB driver or S3 client. */
final class Wire {

    private static final int TIMEOUT_MILLIS = 5_000;

    private Wire() {}

    /** Whether a TCP connection to the port of a {@code mongodb://host:port} URI is accepted. */
    static boolean acceptsConnections(String mongoUri) {
        URI uri = URI.create(mongoUri);
        return acceptsConnections(uri.getHost(), uri.getPort());
    }

    /** Whether a TCP connection to host and port is accepted. */
    static boolean acceptsConnections(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An unsigned GET of the URI. */
    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(TIMEOUT_MILLIS))
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(TIMEOUT_MILLIS))
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
