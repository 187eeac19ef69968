package io.codelog.testservers;

import java.util.Locale;

/** Where a test server comes from. */
enum ServerSource {
    /** A server the environment names; the kit neither starts nor stops it. */
    EXTERNAL,
    /** A real server in Docker, started by Testcontainers. */
    TESTCONTAINERS,
    /** A server inside this JVM: mongo-java-server or s3proxy. */
    EMBEDDED;

    /** The name {@link MongoTestServer#kind()} and {@link S3TestServer#kind()} report. */
    String kind() {
        return name().toLowerCase(Locale.ROOT);
    }
}
