package io.codelog.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** mongo-java-server with its memory backend, inside this JVM on a random loopback port. */
final class EmbeddedMongoServer implements MongoTestServer, RunningServer {

    private final MongoServer server;
    private final String connectionString;

    private EmbeddedMongoServer(MongoServer server, int port) {
        this.server = server;
        this.connectionString = "mongodb://127.0.0.1:" + port;
    }

    /** Binds a new in-memory server to 127.0.0.1 on a free port. */
    static EmbeddedMongoServer start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return new EmbeddedMongoServer(server, server.getLocalAddress().getPort());
    }

    @Override
    public String connectionString() {
        return connectionString;
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    @Override
    public String toString() {
        return "EmbeddedMongoServer[" + connectionString + "]";
    }
}
