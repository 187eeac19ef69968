package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogOrder;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.FallbackCodeLogRepository;
import io.codelog.core.LogType;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/**
 * A service configured by environment variables alone writes logs, is stopped, and restarts on the other store
 * in mode fallback: every log of the first period is still found, listed in order across pages, counted,
 * updated and deleted. Both ways: the rollback from S3 to MongoDB, and the move from MongoDB to S3.
 */
@ExtendWith(TestServers.class)
class RollbackEndToEndTest {

    private static final int FIRST_PERIOD = 7;
    private static final int SECOND_PERIOD = 3;

    private static TestStores stores;

    private final Map<String, Object> variables = new HashMap<>();
    private final String runId = new ObjectId().toHexString();
    private final String codeId = new ObjectId().toHexString();

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        stores = new TestStores(mongo, s3);
    }

    @BeforeEach
    void deployment() {
        variables.putAll(stores.s3Variables());
        variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_URI", stores.mongoUri("codelog_" + new ObjectId().toHexString()));
        variables.put("FLOWS_CODE_ACTIONS_CLEANER_ENABLED", "false");
    }

    @Test
    void rollbackFromS3ToMongoKeepsEveryS3Log() {
        List<CodeLog> s3Period = writeLogs("true", "single", S3CodeLogRepository.class, FIRST_PERIOD);

        variables.put("FLOWS_CODE_ACTIONS_S3_ENABLED", "false");
        variables.put("FLOWS_CODE_ACTIONS_MODE", "fallback");
        try (ConfigurableApplicationContext context = start()) {
            assertEveryEarlierLogServed(context, s3Period, MongoCodeLogRepository.class);
        }
    }

    @Test
    void movingFromMongoToS3KeepsEveryMongoLog() {
        List<CodeLog> mongoPeriod = writeLogs("false", "single", MongoCodeLogRepository.class, FIRST_PERIOD);

        variables.put("FLOWS_CODE_ACTIONS_S3_ENABLED", "true");
        variables.put("FLOWS_CODE_ACTIONS_MODE", "fallback");
        try (ConfigurableApplicationContext context = start()) {
            assertEveryEarlierLogServed(context, mongoPeriod, S3CodeLogRepository.class);
        }
    }

    private List<CodeLog> writeLogs(String s3Enabled, String mode, Class<?> expectedStore, int count) {
        variables.put("FLOWS_CODE_ACTIONS_S3_ENABLED", s3Enabled);
        variables.put("FLOWS_CODE_ACTIONS_MODE", mode);
        try (ConfigurableApplicationContext context = start()) {
            CodeLogRepository repository = context.getBean(CodeLogRepository.class);
            assertThat(repository).isInstanceOf(expectedStore);
            return create(repository, "first period", count);
        }
    }

    private void assertEveryEarlierLogServed(
            ConfigurableApplicationContext context, List<CodeLog> earlier, Class<?> newStore) {
        CodeLogRepository repository = context.getBean(CodeLogRepository.class);
        assertThat(repository).isInstanceOf(FallbackCodeLogRepository.class);
        List<CodeLog> later = create(repository, "second period", SECOND_PERIOD);
        assertThat(context.getBean(newStore).getClass()).isEqualTo(newStore);
        assertThat(((CodeLogRepository) context.getBean(newStore)).count(runId, null))
                .as("new logs go to the new store")
                .isEqualTo(SECOND_PERIOD);

        earlier.forEach(log -> assertThat(repository.findById(log.id())).contains(log));

        List<CodeLog> all = new ArrayList<>(earlier);
        all.addAll(later);
        all.sort(CodeLogOrder.OLDEST_FIRST);
        List<String> listed = new ArrayList<>();
        for (int page = 1; page <= 5; page++) {
            repository.listRunLogs(runId, codeId, 3, page).forEach(log -> listed.add(log.id()));
        }
        assertThat(listed).containsExactlyElementsOf(ids(all));
        assertThat(repository.count(runId, codeId)).isEqualTo(FIRST_PERIOD + SECOND_PERIOD);

        CodeLog toUpdate = earlier.get(1);
        assertThat(repository.update(toUpdate.id(), "fixed").content()).isEqualTo("fixed");
        assertThat(repository.findById(toUpdate.id()).orElseThrow().content()).isEqualTo("fixed");

        CodeLog toDelete = earlier.get(2);
        assertThat(repository.delete(toDelete.id())).isTrue();
        assertThat(repository.findById(toDelete.id())).isEmpty();
        assertThat(repository.count(runId, codeId)).isEqualTo(FIRST_PERIOD + SECOND_PERIOD - 1);
    }

    private List<CodeLog> create(CodeLogRepository repository, String content, int count) {
        List<CodeLog> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(repository.create(CodeLog.of(runId, codeId, LogType.INFO, content + " " + i)));
        }
        return created;
    }

    private ConfigurableApplicationContext start() {
        StandardEnvironment environment = new StandardEnvironment();
        TestStores.useEnvironmentVariables(environment, variables);
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setEnvironment(environment);
        return application.run();
    }

    private static List<String> ids(List<CodeLog> logs) {
        return logs.stream().map(CodeLog::id).toList();
    }

    /**
     * A service with nothing of its own: every auto-configuration on the classpath and whatever the variables
     * say. No component scan, which here would pick up codelog's own package as application configuration.
     */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {}
}
