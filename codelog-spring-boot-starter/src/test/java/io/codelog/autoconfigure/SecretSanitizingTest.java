package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.EnvironmentDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertySourceDescriptor;
import org.springframework.context.ApplicationContext;

/**
 * Spring Boot 4 masks every value of /env and /configprops unless values are shown, and then masks nothing by
 * key: codelog's sanitizing function keeps its secrets masked when an application shows values.
 */
@ExtendWith(TestServers.class)
class SecretSanitizingTest {

    private static final String SECRET = "wJalrXUtnFEMI-K7MDENG-secret";
    private static final String PASSWORD = "m0ng0-pa55";

    private static TestStores stores;

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        stores = new TestStores(mongo, s3);
    }

    private static final Map<String, Object> VARIABLES = Map.of(
            "FLOWS_CODE_ACTIONS_S3_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY", SECRET,
            "FLOWS_CODE_ACTIONS_S3_BUCKET_NAME", "my-codeactions-logs");

    @Test
    void environmentEndpointMasksTheSecretsUnderEveryNameAndShowsTheRest() {
        stores.runner(VARIABLES)
                .withPropertyValues("codelog.mongo.uri=mongodb://codelog:" + PASSWORD + "@127.0.0.1:1/logs")
                .withPropertyValues("codelog.mongo.create-indexes=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EnvironmentDescriptor env = new EnvironmentEndpoint(
                                    context.getEnvironment(), functions(context), Show.ALWAYS)
                            .environment(null);
                    List<String> shown = env.getPropertySources().stream()
                            .flatMap(source -> source.getProperties().values().stream())
                            .map(property -> String.valueOf(property.getValue()))
                            .toList();
                    assertThat(value(env, "systemEnvironment", "FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY"))
                            .isEqualTo(SanitizableData.SANITIZED_VALUE);
                    assertThat(value(
                                    env,
                                    FlowsVariablesEnvironmentPostProcessor.PROPERTY_SOURCE_NAME,
                                    "codelog.s3.secret-access-key"))
                            .isEqualTo(SanitizableData.SANITIZED_VALUE);
                    assertThat(value(env, "systemEnvironment", "FLOWS_CODE_ACTIONS_S3_BUCKET_NAME"))
                            .isEqualTo("my-codeactions-logs");
                    assertThat(shown)
                            .contains("my-codeactions-logs", "mongodb://******@127.0.0.1:1/logs")
                            .noneMatch(value -> value.contains(SECRET)
                                    || value.contains(PASSWORD)
                                    || value.contains("AKIDEXAMPLE"));
                });
    }

    @Test
    void configurationPropertiesEndpointMasksTheSecrets() {
        stores.runner(VARIABLES).run(context -> {
            ConfigurationPropertiesReportEndpoint endpoint =
                    new ConfigurationPropertiesReportEndpoint(functions(context), Show.ALWAYS);
            endpoint.setApplicationContext(context);
            Map<String, Object> s3 =
                    endpoint.configurationPropertiesWithPrefix("codelog.s3").getContexts().values().stream()
                            .flatMap(beans -> beans.getBeans().values().stream())
                            .map(ConfigurationPropertiesBeanDescriptor::getProperties)
                            .findFirst()
                            .orElseThrow();
            assertThat(s3.get("secretAccessKey")).isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(s3.get("accessKeyId")).isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(s3.get("bucketName")).isEqualTo("my-codeactions-logs");
        });
    }

    @Test
    void withoutCodelogsFunctionBootShowsTheSecretWhenValuesAreShown() {
        stores.runner(VARIABLES).run(context -> {
            EnvironmentDescriptor env =
                    new EnvironmentEndpoint(context.getEnvironment(), List.of(), Show.ALWAYS).environment(null);
            assertThat(value(env, "systemEnvironment", "FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY"))
                    .isEqualTo(SECRET);
        });
    }

    @Test
    void theFunctionMasksOnlyTheUserInformationOfAConnectionString() {
        assertThat(CodeLogSecretsSanitizingFunction.withoutUserInfo("mongodb+srv://u:p@a/b@cluster.example/db"))
                .isEqualTo("mongodb+srv://******@cluster.example/db");
        assertThat(CodeLogSecretsSanitizingFunction.withoutUserInfo("u:p@host:27017"))
                .isEqualTo("******@host:27017");
        assertThat(CodeLogSecretsSanitizingFunction.withoutUserInfo("mongodb://host:27017/db"))
                .isEqualTo("mongodb://host:27017/db");
    }

    @Test
    void thePropertiesNeverPrintTheirSecrets() {
        CodeLogS3Properties s3 = new CodeLogS3Properties();
        s3.setAccessKeyId("AKIDEXAMPLE");
        s3.setSecretAccessKey(SECRET);
        CodeLogMongoProperties mongo = new CodeLogMongoProperties();
        mongo.setUri("mongodb://codelog:" + PASSWORD + "@db:27017/logs");
        assertThat(s3.toString())
                .doesNotContain(SECRET)
                .doesNotContain("AKIDEXAMPLE")
                .contains("static");
        assertThat(mongo.toString()).doesNotContain(PASSWORD).contains("uri=set");
    }

    private static List<SanitizingFunction> functions(ApplicationContext context) {
        return context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
    }

    private static Object value(EnvironmentDescriptor env, String source, String key) {
        PropertySourceDescriptor descriptor = env.getPropertySources().stream()
                .filter(candidate -> candidate.getName().equals(source))
                .findFirst()
                .orElseThrow();
        return descriptor.getProperties().get(key).getValue();
    }
}
