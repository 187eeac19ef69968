package io.codelog.it;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * An in-memory MongoDB backend whose data outlives the server it is served by, as a real mongod's data files
 * outlive the process: {@code MongoServer.shutdownNow()} closes its backend, which would otherwise drop every
 * database. It also answers {@code hello} in any database, as every mongod since 4.4.2 does.
 */
final class DurableMemoryBackend extends MemoryBackend {

    /** Keeps the data: a stopped server is a crash, not a wipe. */
    @Override
    public void close() {
        // Intentionally empty: see the class comment; discard() releases the data.
    }

    /** Drops every database, once the test is done with them. */
    void discard() {
        super.close();
    }

    /**
     * Answers {@code hello} as {@code isMaster}: mongo-java-server knows only the older name, and Spring Boot's
     * MongoDB health indicator sends {@code hello} to every database.
     */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            Document answer = super.handleCommand(channel, databaseName, "isMaster", query);
            answer.put("isWritablePrimary", Boolean.TRUE);
            return answer;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
