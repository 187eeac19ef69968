package io.codelog.it;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-memory MongoDB backend whose data outlives the server it is served by, as a real mongod's data files
 * outlive the process: {@code MongoServer.shutdownNow()} closes its backend, which would otherwise drop every
 * database.
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
}
