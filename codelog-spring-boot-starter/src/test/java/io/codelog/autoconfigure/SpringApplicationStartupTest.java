package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLogRepository;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;

/**
 * A real {@code SpringApplication} finds the post-processor and the failure analyzer through spring.factories:
 * the seed's variables work with nothing else, and a mistake is reported as a Description and an Action.
 */
@ExtendWith({TestServers.class, OutputCaptureExtension.class})
class SpringApplicationStartupTest {

    private static final String SECRET = "wJalrXUtnFEMI-K7MDENG-secret";

    private static TestStores stores;

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        stores = new TestStores(mongo, s3);
    }

    @Test
    void theSeedsVariablesAloneStartAnS3Store() {
        Map<String, Object> variables = new HashMap<>(stores.s3Variables());
        variables.put("FLOWS_CODE_ACTIONS_S3_ENABLED", "true");
        try (ConfigurableApplicationContext context = run(variables)) {
            assertThat(context.getBean(CodeLogRepository.class)).isInstanceOf(S3CodeLogRepository.class);
        }
    }

    @Test
    void aMistakeIsReportedAsDescriptionAndActionNamingTheVariable(CapturedOutput output) {
        Map<String, Object> variables =
                Map.of("FLOWS_CODE_ACTIONS_S3_ENABLED", "maybe", "FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY", SECRET);
        assertThatThrownBy(() -> run(variables).close()).hasStackTraceContaining("FLOWS_CODE_ACTIONS_S3_ENABLED");
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Description:")
                .contains("System Environment Property \"FLOWS_CODE_ACTIONS_S3_ENABLED\"")
                .contains("Action:")
                .contains("true or false")
                .doesNotContain(SECRET);
    }

    private static ConfigurableApplicationContext run(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        TestStores.useEnvironmentVariables(environment, variables);
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setEnvironment(environment);
        return application.run("--spring.mongodb.uri=" + stores.mongoUri(TestStores.uniqueName()));
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        MongoAutoConfiguration.class,
        DataMongoAutoConfiguration.class,
        CodeLogAutoConfiguration.class,
        CodeLogHealthAutoConfiguration.class,
        CodeLogMetricsAutoConfiguration.class
    })
    static class App {}
}
