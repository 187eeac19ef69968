package io.codelog.testservers;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test servers of one JVM: each started on first use, then shared, and closed together by {@link #close()} (at
 * the end of a JUnit run, by codelog-test's {@code TestServers}) or else when the JVM shuts down. A later use after
 * closing starts new ones. The servers come from {@code CODELOG_TEST_MONGO_URI} / {@code CODELOG_TEST_S3_ENDPOINT}
 * when set, else from Docker through Testcontainers when it is on the class path and an engine answers, else from
 * mongo-java-server and s3proxy inside the JVM; {@code CODELOG_TEST_SERVERS=embedded} skips Docker.
 */
public final class SharedServers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedServers.class);
    private static final SharedServers JVM = new SharedServers(ServerSelection.fromEnvironment());

    private final ServerSelection selection;
    private final List<RunningServer> running = new ArrayList<>();
    private MongoTestServer mongo;
    private S3TestServer s3;
    private S3TestServer s3Mock;
    private boolean shutdownHookAdded;

    SharedServers(ServerSelection selection) {
        this.selection = selection;
    }

    /** The servers shared by everything in this JVM. */
    public static SharedServers jvm() {
        return JVM;
    }

    /** The MongoDB-protocol server, started on first call. */
    public synchronized MongoTestServer mongo() {
        if (mongo == null) {
            ServerChoice choice = selection.mongo();
            var server = switch (choice.source()) {
                case EXTERNAL -> selection.externalMongo();
                case TESTCONTAINERS -> ContainerMongoServer.start();
                case EMBEDDED -> EmbeddedMongoServer.start();
            };
            started(server);
            mongo = server;
            LOG.info(
                    "codelog tests use the {} MongoDB server ({}): {}",
                    choice.source().kind(),
                    choice.reason(),
                    server);
        }
        return mongo;
    }

    /** The S3-protocol server, started on first call. */
    public synchronized S3TestServer s3() {
        if (s3 == null) {
            ServerChoice choice = selection.s3();
            var server = switch (choice.source()) {
                case EXTERNAL -> selection.externalS3();
                case TESTCONTAINERS -> ContainerS3Server.start();
                case EMBEDDED -> EmbeddedS3Server.start();
            };
            started(server);
            s3 = server;
            LOG.info(
                    "codelog tests use the {} S3 server ({}): {}",
                    choice.source().kind(),
                    choice.reason(),
                    server);
        }
        return s3;
    }

    /**
     * Adobe S3Mock in a JVM of its own, started on first call, in every environment.
     *
     * @throws IllegalStateException when {@value S3MockServer#JAR_PROPERTY} is unset or S3Mock does not start
     */
    public synchronized S3TestServer s3Mock() {
        if (s3Mock == null) {
            S3MockServer server = S3MockServer.start();
            started(server);
            s3Mock = server;
            LOG.info("codelog tests use S3Mock as the second S3 server: {}", server);
        }
        return s3Mock;
    }

    /** Stops every server started so far; the next use starts new ones. */
    @Override
    public synchronized void close() {
        for (RunningServer server : running) {
            server.close();
        }
        running.clear();
        mongo = null;
        s3 = null;
        s3Mock = null;
    }

    private void started(RunningServer server) {
        running.add(server);
        if (this == JVM && !shutdownHookAdded) {
            shutdownHookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "codelog-test-servers-shutdown"));
        }
    }
}
