package io.codelog.it;

import static io.codelog.it.SecretValues.ACCESS_KEY_ID;
import static io.codelog.it.SecretValues.SECRET_ACCESS_KEY;
import static io.codelog.it.SecretValues.assertAbsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import io.codelog.autoconfigure.CodeLogMongoProperties;
import io.codelog.autoconfigure.CodeLogS3Properties;
import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogStorageException;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.test.TestServers;
import io.codelog.testservers.EmbeddedS3Server;
import io.codelog.testservers.LoopbackPorts;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.TestS3Clients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Spring Boot application with the starter and the actuator, given distinctive secrets (S3 keys, a MongoDB
 * password in a connection string) through the seed's {@code FLOWS_CODE_ACTIONS_*} variables and through
 * {@code codelog.*} properties, logging at DEBUG: while it starts, works, and fails against an S3 endpoint that
 * refuses and a MongoDB host that is not there, no secret appears in any output, exception, {@code toString()}
 * of codelog's beans, or in the env, configprops and health endpoints, which show values.
 */
@ExtendWith({TestServers.class, OutputCaptureExtension.class})
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SecretsNeverLeakTest {

    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
    private static final String[] VERBOSE = {
        "--logging.level.io.codelog=DEBUG",
        "--logging.level.software.amazon.awssdk=DEBUG",
        "--logging.level.org.mongodb.driver=DEBUG",
        "--management.endpoints.web.exposure.include=*",
        "--management.endpoint.env.show-values=always",
        "--management.endpoint.configprops.show-values=always",
        "--management.endpoint.health.show-details=always",
        "--codelog.cleaner.enabled=false"
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedS3Server s3;
    private static String bucket;
    private static String appMongoUri;

    @BeforeAll
    static void startServers(MongoTestServer mongo) throws Exception {
        s3 = EmbeddedS3Server.start(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
        bucket = "codelog-secrets-" + Long.toHexString(System.nanoTime());
        try (S3Client client = TestS3Clients.client(s3)) {
            client.createBucket(request -> request.bucket(bucket));
        }
        appMongoUri = mongo.connectionString() + "/codelog_secrets_app";
    }

    @AfterAll
    static void stopServersAndRestoreLogging() throws Exception {
        s3.close();
        // Spring Boot set DEBUG levels on the JVM's one logback context: the test classes that run after this one
        // get the module's own configuration back.
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        logback.reset();
        new ContextInitializer(logback).autoConfig();
    }

    @Test
    void aWorkingApplicationWhoseSecondaryStoreIsUnreachableShowsNoSecret(CapturedOutput output) throws Exception {
        Map<String, Object> variables = new HashMap<>();
        variables.put("FLOWS_CODE_ACTIONS_S3_ENABLED", "true");
        variables.put("FLOWS_CODE_ACTIONS_MODE", "dual-write");
        variables.put("FLOWS_CODE_ACTIONS_S3_BUCKET_NAME", bucket);
        variables.put("FLOWS_CODE_ACTIONS_S3_ENDPOINT", s3.endpoint().toString());
        variables.put("FLOWS_CODE_ACTIONS_S3_REGION", "us-east-1");
        variables.put("FLOWS_CODE_ACTIONS_S3_PATH_STYLE_ACCESS", "true");
        variables.put("FLOWS_CODE_ACTIONS_S3_ACCESS_KEY_ID", ACCESS_KEY_ID);
        variables.put("FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_URI", SecretValues.mongoUriWithPassword(LoopbackPorts.free()));
        variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_CREATE_INDEXES", "false");
        List<Throwable> thrown = new ArrayList<>();
        try (ConfigurableApplicationContext context = run(variables)) {
            CodeLogRepository repository = context.getBean(CodeLogRepository.class);
            String run = IdGenerator.objectIds().newId(Instant.now());
            CodeLog created = repository.create(CodeLog.of(run, CODE, LogType.INFO, "works while MongoDB is away"));
            assertThat(repository.findById(created.id())).contains(created);
            assertThat(repository.listRunLogs(run, null, 10, 1)).containsExactly(created);
            repository.update(created.id(), "updated");
            assertThat(repository.delete(created.id())).isTrue();

            thrown.add(catchThrowable(
                    () -> context.getBean(MongoCodeLogRepository.class).findById(created.id())));
            assertThat(thrown.get(0)).isInstanceOf(CodeLogStorageException.class);
            assertEndpointsAndBeansShowNoSecret(context);
        }
        assertThat(output.getAll())
                .as("the secondary's failures were logged")
                .contains("recorded for repair")
                .contains("Could not record the dual-write failure");
        thrown.forEach(exception -> assertAbsent("exception of the unreachable MongoDB store", exception));
        assertAbsent("captured output", output.getAll());
    }

    @Test
    void anS3EndpointThatRefusesFailsWithoutShowingASecret(CapturedOutput output) throws Exception {
        List<Throwable> thrown = new ArrayList<>();
        try (ConfigurableApplicationContext context = run(
                Map.of(),
                "--codelog.store=s3",
                "--codelog.s3.bucket-name=" + bucket,
                "--codelog.s3.endpoint=http://127.0.0.1:" + LoopbackPorts.free(),
                "--codelog.s3.path-style-access=true",
                "--codelog.s3.max-attempts=2",
                "--codelog.s3.api-call-timeout=5s",
                "--codelog.s3.access-key-id=" + ACCESS_KEY_ID,
                "--codelog.s3.secret-access-key=" + SECRET_ACCESS_KEY,
                "--codelog.mongo.uri=" + SecretValues.mongoUriWithPassword(LoopbackPorts.free()),
                "--codelog.mongo.create-indexes=false")) {
            CodeLogRepository repository = context.getBean(CodeLogRepository.class);
            String run = IdGenerator.objectIds().newId(Instant.now());
            thrown.add(catchThrowable(() -> repository.create(CodeLog.of(run, CODE, LogType.ERROR, "refused"))));
            thrown.add(catchThrowable(() -> repository.findById(run)));
            thrown.add(catchThrowable(() -> repository.listRunLogs(run, null, 10, 1)));
            assertThat(thrown)
                    .allSatisfy(exception -> assertThat(exception).isInstanceOf(CodeLogStorageException.class));
            String health = JSON.writeValueAsString(
                    context.getBean(HealthEndpoint.class).health());
            assertThat(health).contains("\"DOWN\"");
            assertEndpointsAndBeansShowNoSecret(context);
        }
        thrown.forEach(exception -> assertAbsent("exception of the refusing S3 store", exception));
        assertAbsent("captured output", output.getAll());
    }

    @Test
    void anApplicationThatCannotReachItsMongoDbAtStartShowsNoSecret(CapturedOutput output) throws Exception {
        Map<String, Object> variables = Map.of(
                "FLOWS_CODE_ACTIONS_STORE",
                "mongo",
                "FLOWS_CODE_ACTIONS_MONGO_DB_URI",
                SecretValues.mongoUriWithPassword(LoopbackPorts.free()),
                "FLOWS_CODE_ACTIONS_S3_ACCESS_KEY_ID",
                ACCESS_KEY_ID,
                "FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY",
                SECRET_ACCESS_KEY);

        Throwable failure = catchThrowable(() -> run(variables).close());

        assertThat(failure).as("start-up with an unreachable MongoDB").isNotNull();
        assertThat(output.getAll()).contains("127.0.0.1");
        assertAbsent("start-up failure", failure);
        assertAbsent("captured output", output.getAll());
    }

    private static void assertEndpointsAndBeansShowNoSecret(ConfigurableApplicationContext context) {
        String env = JSON.writeValueAsString(
                context.getBean(EnvironmentEndpoint.class).environment(null));
        String configprops = JSON.writeValueAsString(
                context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
        String health =
                JSON.writeValueAsString(context.getBean(HealthEndpoint.class).health());
        assertThat(env)
                .as("env shows values, the secrets masked")
                .contains("codelog.s3.secret-access-key", SanitizableData.SANITIZED_VALUE, bucket);
        assertThat(configprops).contains("secretAccessKey", SanitizableData.SANITIZED_VALUE, bucket);
        assertAbsent("/actuator/env", env);
        assertAbsent("/actuator/configprops", configprops);
        assertAbsent("/actuator/health", health);
        assertAbsent(
                "CodeLogS3Properties",
                context.getBean(CodeLogS3Properties.class).toString());
        assertAbsent(
                "CodeLogMongoProperties",
                context.getBean(CodeLogMongoProperties.class).toString());
        int codelogBeans = 0;
        for (String name : context.getBeanDefinitionNames()) {
            Object bean = context.getBean(name);
            if (bean.getClass().getName().startsWith("io.codelog.")) {
                assertAbsent("toString() of bean " + name, bean.toString());
                codelogBeans++;
            }
        }
        assertThat(codelogBeans).as("codelog beans checked").isGreaterThan(3);
    }

    private static ConfigurableApplicationContext run(Map<String, Object> variables, String... arguments) {
        StandardEnvironment environment = new StandardEnvironment();
        // The machine's own variables are replaced by the test's, as a deployment would set them.
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setEnvironment(environment);
        List<String> all = new ArrayList<>(List.of(VERBOSE));
        all.add("--spring.mongodb.uri=" + appMongoUri);
        all.addAll(List.of(arguments));
        return application.run(all.toArray(String[]::new));
    }

    /** A service's application: everything auto-configured from the classpath, codelog's starter included. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {}
}
