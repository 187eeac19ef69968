package io.codelog.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adobe S3Mock (the {@code com.adobe.testing:s3mock} exec jar), a second S3 implementation independent of s3proxy,
 * in a JVM of its own on a free loopback port: its Spring Boot never meets ours. It accepts any credentials; the
 * caller closes it, which stops the JVM and deletes its objects. The jar is the file the system property {@value
 * #JAR_PROPERTY} names: a module whose tests use S3Mock binds the root pom's {@code s3mock-jar} execution of
 * maven-dependency-plugin to {@code generate-test-resources}, as {@code codelog-s3}'s pom does, and the root pom's
 * surefire configuration sets the property.
 */
public final class S3MockServer implements S3TestServer, RunningServer {

    /** The system property naming the S3Mock exec jar. */
    public static final String JAR_PROPERTY = "codelog.test.s3mock.jar";

    /** What {@link #kind()} reports, for assumptions about S3Mock's known deviations from S3. */
    public static final String KIND = "s3mock";

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
    public static S3MockServer start() {
        return start(jar(System.getProperty(JAR_PROPERTY)));
    }

    /**
     * Starts S3Mock from this exec jar on a free port and waits until it answers HTTP. A port another process
     * took between the probe and S3Mock's bind is retried on a new port, up to three times in all.
     *
     * @throws IllegalStateException when it does not start within 90 seconds, with its output
     */
    public static S3MockServer start(Path jar) {
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce(jar, LoopbackPorts.free());
            } catch (PortTaken e) {
                failure = e;
            }
        }
        throw failure;
    }

    private static S3MockServer startOnce(Path jar, int port) {
        Path directory = TemporaryDirectory.create("codelog-s3mock", "S3Mock");
        Process process;
        try {
            process = ChildJvm.jar(jar)
                    .jvmOptions(List.of("-Xmx512m"))
                    .args(List.of(
                            "--com.adobe.testing.s3mock.httpPort=" + port,
                            // HTTPS on a port of the OS's choosing: it is never used, but must not collide.
                            "--server.port=0",
                            // Its objects in a directory this class deletes, even when S3Mock is killed.
                            "--com.adobe.testing.s3mock.store.root=" + directory.resolve(STORE)))
                    .errorIntoOutput()
                    .outputTo(directory.resolve(OUTPUT))
                    .start();
        } catch (UncheckedIOException e) {
            TemporaryDirectory.delete(directory);
            throw new IllegalStateException("S3Mock could not be started: " + e.getMessage(), e);
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
        TemporaryDirectory.delete(directory);
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
