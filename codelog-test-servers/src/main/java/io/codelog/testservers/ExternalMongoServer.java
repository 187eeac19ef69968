package io.codelog.testservers;

/** A MongoDB server the environment names; the kit neither starts nor stops it. */
record ExternalMongoServer(String connectionString) implements MongoTestServer, RunningServer {

    @Override
    public String kind() {
        return "external";
    }

    @Override
    public void close() {}

    /** Keeps the URI, which may hold a password, out of logs. */
    @Override
    public String toString() {
        return "ExternalMongoServer";
    }
}
