package io.codelog.autoconfigure;

import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import io.codelog.testservers.TestS3Clients;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The real servers of the tests as Spring properties, and context runners wired to them. */
final class TestStores {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final MongoTestServer mongo;
    private final S3TestServer s3;

    TestStores(MongoTestServer mongo, S3TestServer s3) {
        this.mongo = mongo;
        this.s3 = s3;
    }

    /** A name no other test uses, for databases, buckets and prefixes. */
    static String uniqueName() {
        return "t" + NAMES.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    /** A runner as {@link #runner(Map)} with no environment variables. */
    ApplicationContextRunner runner() {
        return runner(Map.of());
    }

    /**
     * A runner with Boot's MongoDB auto-configuration on a fresh database and codelog's auto-configurations. The
     * system environment is replaced by the given variables (so the machine's own cannot leak in), then the
     * FLOWS_CODE_ACTIONS_* post-processor runs as {@code SpringApplication} would run it.
     */
    ApplicationContextRunner runner(Map<String, Object> environmentVariables) {
        return runnerWithoutMongoDb(environmentVariables)
                .withConfiguration(
                        AutoConfigurations.of(MongoAutoConfiguration.class, DataMongoAutoConfiguration.class))
                .withPropertyValues("spring.mongodb.uri=" + mongoUri(uniqueName()));
    }

    /**
     * A runner of a service that has no MongoDB of its own: codelog's auto-configurations alone, with the system
     * environment replaced by the given variables as in {@link #runner(Map)}.
     */
    ApplicationContextRunner runnerWithoutMongoDb(Map<String, Object> environmentVariables) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        CodeLogAutoConfiguration.class,
                        CodeLogHealthAutoConfiguration.class,
                        CodeLogMetricsAutoConfiguration.class))
                .withInitializer(context -> {
                    useEnvironmentVariables(context.getEnvironment(), environmentVariables);
                    new FlowsVariablesEnvironmentPostProcessor().postProcessEnvironment(context.getEnvironment(), null);
                });
    }

    /** The connection string of a database on the test server. */
    String mongoUri(String database) {
        return mongo.connectionString() + "/" + database;
    }

    /** Properties that point codelog's own S3 client at the test server, with a fresh bucket. */
    String[] s3Properties() {
        String bucket = createBucket();
        return new String[] {
            "codelog.s3.bucket-name=" + bucket,
            "codelog.s3.endpoint=" + s3.endpoint(),
            "codelog.s3.region=" + s3.region(),
            "codelog.s3.access-key-id=" + s3.accessKeyId(),
            "codelog.s3.secret-access-key=" + s3.secretAccessKey(),
            "codelog.s3.path-style-access=true"
        };
    }

    /** The test server's S3 settings as the seed's environment variables, with a fresh bucket. */
    Map<String, Object> s3Variables() {
        return Map.of(
                "FLOWS_CODE_ACTIONS_S3_BUCKET_NAME", createBucket(),
                "FLOWS_CODE_ACTIONS_S3_ENDPOINT", s3.endpoint().toString(),
                "FLOWS_CODE_ACTIONS_S3_REGION", s3.region(),
                "FLOWS_CODE_ACTIONS_S3_ACCESS_KEY_ID", s3.accessKeyId(),
                "FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY", s3.secretAccessKey(),
                "FLOWS_CODE_ACTIONS_S3_PATH_STYLE_ACCESS", "true");
    }

    /** A client of the test server, as an application would define its own. */
    S3Client client() {
        return clientBuilder().build();
    }

    /** A builder of clients of the test server. */
    S3ClientBuilder clientBuilder() {
        return TestS3Clients.builder(s3);
    }

    /** A new empty bucket on the test server. */
    String createBucket() {
        String bucket = "codelog-" + uniqueName();
        try (S3Client client = client()) {
            client.createBucket(request -> request.bucket(bucket));
        }
        return bucket;
    }

    /** Replaces the system environment with these variables, as a deployment would set them. */
    static void useEnvironmentVariables(ConfigurableEnvironment environment, Map<String, Object> variables) {
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    }
}
