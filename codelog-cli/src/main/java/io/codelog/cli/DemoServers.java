package io.codelog.cli;

import io.codelog.testservers.EmbeddedMongoServer;
import io.codelog.testservers.EmbeddedS3Server;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The demo's servers, inside this JVM on free loopback ports, in memory: a MongoDB-protocol server
 * (mongo-java-server) and an S3-protocol server (s3proxy) that accepts only keys made up for this run, both
 * started by codelog-test-servers.
 */
final class DemoServers implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedMongoServer mongo;
    private final EmbeddedS3Server s3;

    private DemoServers(EmbeddedMongoServer mongo, EmbeddedS3Server s3) {
        this.mongo = mongo;
        this.s3 = s3;
    }

    /**
     * Starts both servers.
     *
     * @throws IllegalStateException when s3proxy does not serve within 30 seconds
     */
    static DemoServers start() {
        EmbeddedMongoServer mongo = EmbeddedMongoServer.start();
        try {
            return new DemoServers(mongo, EmbeddedS3Server.start("demo-" + random(8), random(20)));
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
    }

    /** {@code mongodb://127.0.0.1:PORT/database}. */
    String mongoUri(String database) {
        return mongo.connectionString() + "/" + database;
    }

    /** {@code http://127.0.0.1:PORT}. */
    String s3Endpoint() {
        return s3.endpoint().toString();
    }

    String region() {
        return s3.region();
    }

    String accessKeyId() {
        return s3.accessKeyId();
    }

    String secretAccessKey() {
        return s3.secretAccessKey();
    }

    @Override
    public void close() {
        try {
            s3.close();
        } finally {
            mongo.close();
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
