package io.codelog.it;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.codelog.testservers.EmbeddedMongoServer;
import io.codelog.testservers.LoopbackPorts;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A mongo-java-server on a fixed loopback port that can be stopped and started again with the same data, as a
 * mongod restarted on its data files; and clients of it that give up on a stopped server within seconds.
 */
final class RestartableMongoServer implements AutoCloseable {

    /** How long a client of {@link #newClient()} looks for the server before a call fails. */
    static final Duration SERVER_SELECTION = Duration.ofSeconds(2);

    private final DurableMemoryBackend backend = new DurableMemoryBackend();
    private final int port;
    private EmbeddedMongoServer server;

    private RestartableMongoServer(int port) {
        this.port = port;
    }

    /** A server on a free port, started. */
    static RestartableMongoServer start() {
        RestartableMongoServer restartable = new RestartableMongoServer(LoopbackPorts.free());
        restartable.startAgain();
        return restartable;
    }

    /**
     * A client that selects the server for at most 2 s, connects within 1 s, waits 5 s for an answer and checks the
     * server every 500 ms, so calls fail fast while it is stopped and find it soon after it is back.
     */
    MongoClient newClient() {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(
                        cluster -> cluster.serverSelectionTimeout(SERVER_SELECTION.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(
                        socket -> socket.connectTimeout(1, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS))
                .applyToServerSettings(monitor -> monitor.heartbeatFrequency(500, TimeUnit.MILLISECONDS))
                .build());
    }

    /** Stops the server, dropping every connection; the data stays. */
    synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the server again on the same port, with the data it had; nothing when it runs. */
    synchronized void startAgain() {
        if (server == null) {
            server = EmbeddedMongoServer.start(backend, port);
        }
    }

    @Override
    public synchronized void close() {
        stop();
        backend.discard();
    }
}
