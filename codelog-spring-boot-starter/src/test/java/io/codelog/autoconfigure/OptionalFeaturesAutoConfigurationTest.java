package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.LogType;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Health and metrics are optional: the store starts and works without Micrometer and without the Actuator, and
 * each of their auto-configurations can be excluded alone, taking only its own beans away.
 */
@ExtendWith(TestServers.class)
class OptionalFeaturesAutoConfigurationTest {

    private static final List<String> METRICS_BEANS = List.of(
            "codeLogMetricsDecorator",
            "codeLogFallbackHitCounter",
            "codeLogDualWriteFailureCounter",
            "codeLogS3MetricsCustomizer",
            "codeLogUnreadableObjectCounter");
    private static final String HEALTH_BEAN = "codelogHealthIndicator";

    private static TestStores stores;

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        stores = new TestStores(mongo, s3);
    }

    @Test
    void theImportsFileListsHealthAndMetricsAsAutoConfigurationsOfTheirOwn() {
        List<String> imports = ImportCandidates.load(
                        AutoConfiguration.class, getClass().getClassLoader())
                .getCandidates();

        assertThat(imports)
                .contains(
                        CodeLogAutoConfiguration.class.getName(),
                        CodeLogHealthAutoConfiguration.class.getName(),
                        CodeLogMetricsAutoConfiguration.class.getName());
    }

    @Nested
    class WithoutMicrometer {

        @Test
        void theS3StoreWorksUnmeteredAndKeepsItsHealth() {
            s3Runner().withClassLoader(new FilteredClassLoader("io.micrometer")).run(context -> {
                assertStoreWorks(context);
                assertThat(context.getBean(CodeLogRepository.class)).isNotInstanceOf(TimedCodeLogRepository.class);
                METRICS_BEANS.forEach(name -> assertThat(context).doesNotHaveBean(name));
                assertThat(context).hasBean(HEALTH_BEAN);
            });
        }

        @Test
        void theMongoStoreWorksToo() {
            stores.runner()
                    .withClassLoader(new FilteredClassLoader("io.micrometer"))
                    .run(context -> {
                        assertStoreWorks(context);
                        assertThat(context).doesNotHaveBean("codeLogMetricsDecorator");
                    });
        }
    }

    @Nested
    class WithoutActuator {

        private final FilteredClassLoader withoutActuator =
                new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health");

        @Test
        void theS3StoreWorksMeteredWithoutHealthOrSanitizing() {
            s3Runner()
                    .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                    .withClassLoader(withoutActuator)
                    .run(context -> {
                        assertStoreWorks(context);
                        assertThat(context).doesNotHaveBean(HEALTH_BEAN);
                        assertThat(context).doesNotHaveBean("codeLogSecretsSanitizingFunction");
                        METRICS_BEANS.forEach(name -> assertThat(context).hasBean(name));
                        assertThat(context.getBean(CodeLogRepository.class)).isInstanceOf(TimedCodeLogRepository.class);
                    });
        }
    }

    @Nested
    class ExcludedAlone {

        @Test
        void withNothingExcludedBothAreThere() {
            autoConfiguredRunner("").run(context -> {
                assertStoreWorks(context);
                assertThat(context).hasBean(HEALTH_BEAN);
                METRICS_BEANS.forEach(name -> assertThat(context).hasBean(name));
            });
        }

        @Test
        void excludingHealthTakesOnlyTheHealthIndicator() {
            autoConfiguredRunner(CodeLogHealthAutoConfiguration.class.getName()).run(context -> {
                assertStoreWorks(context);
                assertThat(context).doesNotHaveBean(HEALTH_BEAN);
                METRICS_BEANS.forEach(name -> assertThat(context).hasBean(name));
                assertThat(context.getBean(CodeLogRepository.class)).isInstanceOf(TimedCodeLogRepository.class);
            });
        }

        @Test
        void excludingMetricsTakesOnlyTheMeters() {
            autoConfiguredRunner(CodeLogMetricsAutoConfiguration.class.getName())
                    .run(context -> {
                        assertStoreWorks(context);
                        METRICS_BEANS.forEach(name -> assertThat(context).doesNotHaveBean(name));
                        assertThat(context.getBean(CodeLogRepository.class))
                                .isNotInstanceOf(TimedCodeLogRepository.class);
                        assertThat(context).hasBean(HEALTH_BEAN);
                    });
        }

        /**
         * A service as Spring Boot starts it, with every auto-configuration on the class path, S3 as the store and
         * a meter registry, excluding {@code excluded} the way a service does.
         */
        private ApplicationContextRunner autoConfiguredRunner(String excluded) {
            return new ApplicationContextRunner()
                    .withInitializer(context -> TestStores.useEnvironmentVariables(context.getEnvironment(), Map.of()))
                    .withUserConfiguration(AutoConfiguredService.class)
                    .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                    .withPropertyValues(stores.s3Properties())
                    .withPropertyValues(
                            "codelog.s3.enabled=true",
                            "spring.mongodb.uri=" + stores.mongoUri(TestStores.uniqueName()),
                            "spring.autoconfigure.exclude=" + excluded);
        }
    }

    private static ApplicationContextRunner s3Runner() {
        return stores.runner().withPropertyValues(stores.s3Properties()).withPropertyValues("codelog.s3.enabled=true");
    }

    private static void assertStoreWorks(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        CodeLogRepository repository = context.getBean(CodeLogRepository.class);
        String runId = new ObjectId().toHexString();
        CodeLog created = repository.create(CodeLog.of(runId, runId, LogType.INFO, "optional features"));
        assertThat(repository.findById(created.id())).contains(created);
        if (context.getEnvironment().getProperty("codelog.s3.enabled", Boolean.class, false)) {
            assertThat(context.getBean("s3CodeLogRepository")).isInstanceOf(S3CodeLogRepository.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class AutoConfiguredService {}
}
