package io.codelog.testservers;

import org.testcontainers.mongodb.MongoDBContainer;

/** A real {@code mongod} in a Docker container started by Testcontainers. */
final class ContainerMongoServer implements MongoTestServer, RunningServer {

    static final String IMAGE = "mongo:7.0";

    private final MongoDBContainer container;

    private ContainerMongoServer(MongoDBContainer container) {
        this.container = container;
    }

    /** Pulls if needed and starts {@value #IMAGE}. */
    static ContainerMongoServer start() {
        MongoDBContainer container = new MongoDBContainer(IMAGE);
        container.start();
        return new ContainerMongoServer(container);
    }

    @Override
    public String connectionString() {
        return container.getConnectionString();
    }

    @Override
    public String kind() {
        return "testcontainers";
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "ContainerMongoServer[" + IMAGE + "]";
    }
}
