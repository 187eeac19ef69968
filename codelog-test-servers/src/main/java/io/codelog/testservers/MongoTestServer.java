package io.codelog.testservers;

/** A running server that speaks the MongoDB wire protocol. */
public interface MongoTestServer {

    /** The URI a MongoDB driver connects with, e.g. {@code mongodb://127.0.0.1:27017}; add a database name. */
    String connectionString();

    /** Where the server comes from: {@code external}, {@code testcontainers} or {@code embedded}. */
    String kind();
}
