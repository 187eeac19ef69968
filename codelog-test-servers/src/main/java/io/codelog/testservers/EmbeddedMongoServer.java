package io.codelog.testservers;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * mongo-java-server inside this JVM on a loopback port, in memory; the one place this project starts it. The caller
 * closes it, which stops the server and closes its backend.
 */
public final class EmbeddedMongoServer implements MongoTestServer, RunningServer {

    private final MongoServer server;
    private final int port;

    private EmbeddedMongoServer(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Binds a new in-memory server to 127.0.0.1 on a free port. */
    public static EmbeddedMongoServer start() {
        return start(new MemoryBackend(), 0);
    }

    /**
     * Binds a server over this backend to 127.0.0.1 on this port (0 for a free one): for a backend whose data must
     * outlive a stop, or a server restarted on the port its clients know.
     */
    public static EmbeddedMongoServer start(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new EmbeddedMongoServer(server, server.getLocalAddress().getPort());
    }

    /** {@code mongodb://127.0.0.1:PORT}. */
    @Override
    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    @Override
    public String kind() {
        return "embedded";
    }

    /** Stops the server, dropping every connection, and closes its backend. */
    @Override
    public void close() {
        server.shutdownNow();
    }

    @Override
    public String toString() {
        return "EmbeddedMongoServer[" + connectionString() + "]";
    }
}
