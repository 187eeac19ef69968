package io.codelog.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adobe S3Mock (the {@code com.adobe.testing:s3mock} exec jar), a second S3 implementation independent of s3proxy,
 * in a JVM of its own on a free loopback port: its Spring Boot never meets ours. It accepts any credentials. The
 * jar is the file the system property {@value #JAR_PROPERTY} names; a module whose tests use S3Mock copies it
 * with maven-dependency-plugin and sets the property in surefire's {@code systemPropertyVariables}, as
 * {@code codelog-s3}'s pom does.
 */
final class S3MockServer implements S3TestServer, RunningServer {

    /** The system property naming the S3Mock exec jar. */
    static final String JAR_PROPERTY = "codelog.test.s3mock.jar";

    /** What {@link #kind()} reports, for assumptions about S3Mock's known deviations from S3. */
    static final String KIND = "s3mock";

    private static final Logger LOG = LoggerFactory.getLogger(S3MockServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int START_ATTEMPTS = 3;
    private static final int OUTPUT_LINES_SHOWN = 60;
    private static final String OUTPUT = "output.log";
    private static final String STORE = "store";

    private final Process process;
    private final URI endpoint;
    private final Path directory;

    private S3MockServer(Process process, URI endpoint, Path directory) {
        this.process = process;
        this.endpoint = endpoint;
        this.directory = directory;
    }

    /**
     * Starts S3Mock from the jar {@value #JAR_PROPERTY} names and waits until it answers HTTP.
     *
     * @throws IllegalStateException when the property is unset, names no file, or S3Mock does not start
     */
    static S3MockServer start() {
        return start(jar(System.getProperty(JAR_PROPERTY)));
    }

    /**
     * Starts S3Mock from this exec jar on a free port and waits until it answers HTTP. A port another process
     * took between the probe and S3Mock's bind is retried on a new port, up to three times in all.
     *
     * @throws IllegalStateException when it does not start within 90 seconds, with its output
     */
    static S3MockServer start(Path jar) {
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce(jar, freePort());
            } catch (PortTaken e) {
                failure = e;
            }
        }
        throw failure;
    }

    private static S3MockServer startOnce(Path jar, int port) {
        Path directory;
        try {
            directory = Files.createTempDirectory("codelog-s3mock");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for S3Mock", e);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder command = new ProcessBuilder(
                        java.toString(),
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "--com.adobe.testing.s3mock.httpPort=" + port,
                        // HTTPS on a port of the OS's choosing: it is never used, but must not collide.
                        "--server.port=0",
                        // Its objects in a directory this class deletes, even when S3Mock is killed.
                        "--com.adobe.testing.s3mock.store.root=" + directory.resolve(STORE))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve(OUTPUT).toFile());
        Process process;
        try {
            process = command.start();
        } catch (IOException e) {
            deleteTree(directory);
            throw new IllegalStateException("S3Mock could not be started with " + java + ": " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        S3MockServer server = new S3MockServer(process, endpoint, directory);
        try {
            server.awaitAnswer();
        } catch (RuntimeException e) {
            String shown = server.lastOutput();
            server.close();
            if (shown.contains("already in use")) {
                throw new PortTaken(port, shown);
            }
            LOG.error("S3Mock did not start; its output:\n{}", shown);
            throw new IllegalStateException(e.getMessage() + "; S3Mock's output:\n" + shown, e);
        }
        LOG.info("S3Mock {} started from {}", endpoint, jar);
        return server;
    }

    /**
     * The jar this value of {@value #JAR_PROPERTY} names.
     *
     * @throws IllegalStateException naming the property when the value is unset or names no file
     */
    static Path jar(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("S3Mock needs its exec jar: set the system property " + JAR_PROPERTY
                    + " to the path of com.adobe.testing:s3mock:<version>:jar:exec (a module's pom copies it with"
                    + " maven-dependency-plugin and sets " + JAR_PROPERTY + " in surefire's systemPropertyVariables,"
                    + " as codelog-s3's does)");
        }
        Path jar = Path.of(value);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(JAR_PROPERTY + " names " + jar + ", which is not a file: build the"
                    + " module through Maven's test phase, whose generate-test-resources step copies the jar there");
        }
        return jar;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for S3Mock", e);
        }
    }

    /** Polls with HEAD / until any HTTP answer, the process ends, or the deadline passes. */
    private void awaitAnswer() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        HttpRequest head = HttpRequest.newBuilder(endpoint)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(PROBE_TIMEOUT)
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with code " + process.exitValue() + " before it served");
            }
            try {
                http.send(head, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                // Not listening yet: poll again until the deadline.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for S3Mock", e);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(
                        "S3Mock did not answer on " + endpoint + " within " + START_TIMEOUT.toSeconds() + "s");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private String lastOutput() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve(OUTPUT), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - OUTPUT_LINES_SHOWN), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(its output in " + directory.resolve(OUTPUT) + " could not be read: " + e + ")";
        }
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String region() {
        return EmbeddedS3Server.REGION;
    }

    @Override
    public String accessKeyId() {
        return EmbeddedS3Server.ACCESS_KEY_ID;
    }

    @Override
    public String secretAccessKey() {
        return EmbeddedS3Server.SECRET_ACCESS_KEY;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The directory of S3Mock's objects and output, deleted on {@link #close()}. */
    Path directory() {
        return directory;
    }

    /** Asks the JVM to stop, forces it after 10 seconds, and deletes its objects and output. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("S3Mock {} did not stop within {}s; killing it", endpoint, STOP_TIMEOUT.toSeconds());
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(directory);
    }

    // The files of a stopped server are of no use; failing to delete them must not hide the run's outcome.
    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("S3Mock's directory {} was not deleted: {}", root, e.toString());
        }
    }

    @Override
    public String toString() {
        return "S3MockServer[" + endpoint + "]";
    }

    /** S3Mock could not bind the port it was given: another process took it after the probe. */
    private static final class PortTaken extends IllegalStateException {
        PortTaken(int port, String output) {
            super("S3Mock could not bind port " + port + "; its output:\n" + output);
        }
    }
}
