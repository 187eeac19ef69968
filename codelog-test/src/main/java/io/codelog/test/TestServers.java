package io.codelog.test;

import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3MockServer;
import io.codelog.testservers.S3TestServer;
import io.codelog.testservers.SharedServers;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real MongoDB-protocol server and a real S3-protocol server of codelog-test-servers' {@link
 * SharedServers}, each started once per JVM on first use and shared. Parameters of type {@link MongoTestServer} and {@link S3TestServer} are resolved in
 * constructors, lifecycle methods and test methods:
 *
 * <pre>{@code
 * @ExtendWith(TestServers.class)
 * class MyStoreTest {
 *     @BeforeAll
 *     static void up(MongoTestServer mongo, S3TestServer s3) { ... }
 * }
 * }</pre>
 *
 * <p>The servers come from {@code CODELOG_TEST_MONGO_URI} / {@code CODELOG_TEST_S3_ENDPOINT} (with
 * {@code CODELOG_TEST_S3_REGION}, {@code CODELOG_TEST_S3_ACCESS_KEY_ID}, {@code
 * CODELOG_TEST_S3_SECRET_ACCESS_KEY}) when set; else from Docker through Testcontainers ({@code mongo:7.0},
 * {@code localstack/localstack:4.12.0}) when an engine answers; else from mongo-java-server and s3proxy
 * inside the JVM. {@code CODELOG_TEST_SERVERS=embedded} (environment variable or system property) skips
 * Docker. Servers the kit started are stopped at the end of the JUnit run.
 *
 * <p>A second, independent S3 implementation, Adobe S3Mock, runs in a JVM of its own in every environment: an
 * {@link S3TestServer} parameter annotated {@link S3Mock @S3Mock}, or {@link #s3Mock()}. Its {@link
 * S3TestServer#kind() kind} is {@value #S3MOCK}, for assumptions about its known deviations from S3.
 */
public final class TestServers implements ParameterResolver {

    /** The {@link S3TestServer#kind() kind} of S3Mock. */
    public static final String S3MOCK = S3MockServer.KIND;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestServers.class);

    /**
     * The shared MongoDB-protocol server, for code outside JUnit; servers started this way stop when the JVM
     * shuts down.
     */
    public static MongoTestServer mongo() {
        return SharedServers.jvm().mongo();
    }

    /**
     * The shared S3-protocol server, for code outside JUnit; servers started this way stop when the JVM shuts
     * down.
     */
    public static S3TestServer s3() {
        return SharedServers.jvm().s3();
    }

    /**
     * Adobe S3Mock, started on first use from the jar the system property {@code codelog.test.s3mock.jar} names,
     * and shared; for code outside JUnit it stops when the JVM shuts down.
     *
     * @throws IllegalStateException when the property is unset or S3Mock does not start
     */
    public static S3TestServer s3Mock() {
        return SharedServers.jvm().s3Mock();
    }

    /** Whether the parameter is a {@link MongoTestServer} or an {@link S3TestServer}. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == MongoTestServer.class || type == S3TestServer.class;
    }

    /**
     * The shared server of the parameter's type (S3Mock for an {@link S3Mock @S3Mock} one), started on first use and
     * stopped at the end of the run.
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        extensionContext
                .getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(EndOfRun.class, key -> new EndOfRun(SharedServers.jvm()), EndOfRun.class);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == MongoTestServer.class) {
            return mongo();
        }
        return parameterContext.isAnnotated(S3Mock.class) ? s3Mock() : s3();
    }

    /** Held in the root store so that JUnit closes it, and with it the servers, when the run ends. */
    private record EndOfRun(SharedServers servers) implements AutoCloseable {
        @Override
        public void close() {
            servers.close();
        }
    }
}
