package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.codelog.autoconfigure.CodeLogProperties.Mode;
import io.codelog.autoconfigure.CodeLogProperties.Store;
import io.codelog.autoconfigure.CodeLogS3Properties.Encryption;
import io.codelog.autoconfigure.CodeLogS3Properties.RetryMode;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.ContentPolicy;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The seed's FLOWS_CODE_ACTIONS_* variables set the codelog.* properties, and codelog.* set elsewhere wins. */
@ExtendWith(TestServers.class)
class FlowsVariablesTest {

    private static TestStores stores;

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        stores = new TestStores(mongo, s3);
    }

    @Nested
    class AsEnvironmentVariables {

        @Test
        void theSeedsS3VariablesAloneMakeAWorkingS3Store() {
            Map<String, Object> variables = new HashMap<>(stores.s3Variables());
            variables.put("FLOWS_CODE_ACTIONS_S3_ENABLED", "true");
            variables.put("FLOWS_CODE_ACTIONS_S3_PREFIX", "codeactions");
            stores.runner(variables).run(context -> {
                assertThat(context).hasNotFailed();
                CodeLogRepository logs = context.getBean(CodeLogRepository.class);
                assertThat(logs).isInstanceOf(S3CodeLogRepository.class);
                String id = logs.create(StoreSelectionAutoConfigurationTest.newLog())
                        .id();
                assertThat(logs.findById(id)).isPresent();
                assertThat(context.getBean(CodeLogS3Properties.class).getPrefix())
                        .isEqualTo("codeactions");
            });
        }

        @Test
        void everyVariableOfTheTableSetsItsProperty() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("FLOWS_CODE_ACTIONS_STORE", "mongo");
            variables.put("FLOWS_CODE_ACTIONS_MODE", "single");
            variables.put("FLOWS_CODE_ACTIONS_S3_ENABLED", "false");
            variables.put("FLOWS_CODE_ACTIONS_S3_REGION", "eu-west-1");
            variables.put("FLOWS_CODE_ACTIONS_S3_BUCKET_NAME", "my-codeactions-logs");
            variables.put("FLOWS_CODE_ACTIONS_S3_ACCESS_KEY_ID", "AKIDEXAMPLE");
            variables.put("FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY", "s3cr3t");
            variables.put("FLOWS_CODE_ACTIONS_S3_PREFIX", "codeactions");
            variables.put("FLOWS_CODE_ACTIONS_S3_ENDPOINT", "http://minio:9000");
            variables.put("FLOWS_CODE_ACTIONS_S3_PATH_STYLE_ACCESS", "true");
            variables.put("FLOWS_CODE_ACTIONS_S3_ALLOW_INSECURE_ENDPOINT", "true");
            variables.put("FLOWS_CODE_ACTIONS_S3_ID_INDEX", "mongo");
            variables.put("FLOWS_CODE_ACTIONS_S3_READ_LEGACY_PATH", "false");
            variables.put("FLOWS_CODE_ACTIONS_S3_GZIP", "true");
            variables.put("FLOWS_CODE_ACTIONS_S3_ENCRYPTION", "kms");
            variables.put("FLOWS_CODE_ACTIONS_S3_KMS_KEY_ID", "alias/codelog");
            variables.put("FLOWS_CODE_ACTIONS_S3_MAX_RUN_DURATION", "3d");
            variables.put("FLOWS_CODE_ACTIONS_S3_LIST_WINDOW", "10d");
            variables.put("FLOWS_CODE_ACTIONS_S3_LOOKUP_WINDOW", "2d");
            variables.put("FLOWS_CODE_ACTIONS_S3_LOOKUP_CACHE_TTL", "10s");
            variables.put("FLOWS_CODE_ACTIONS_S3_READ_CONCURRENCY", "8");
            variables.put("FLOWS_CODE_ACTIONS_S3_RETRY_MODE", "adaptive");
            variables.put("FLOWS_CODE_ACTIONS_S3_MAX_ATTEMPTS", "5");
            variables.put("FLOWS_CODE_ACTIONS_S3_API_CALL_TIMEOUT", "20s");
            variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_NAME", "code-actions");
            variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_COLLECTION", "logs");
            variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_CREATE_INDEXES", "false");
            variables.put("FLOWS_CODE_ACTIONS_CONTENT_MAX_LENGTH", "500");
            variables.put("FLOWS_CODE_ACTIONS_CONTENT_POLICY", "reject");
            variables.put("FLOWS_CODE_ACTIONS_CLEANER_ENABLED", "false");
            variables.put("FLOWS_CODE_ACTIONS_CLEANER_SCHEDULE_TIME", "02:30");
            variables.put("FLOWS_CODE_ACTIONS_CLEANER_RETENTION_PERIOD", "45");
            variables.put("FLOWS_CODE_ACTIONS_CLEANER_ZONE", "Europe/Paris");
            variables.put("FLOWS_CODE_ACTIONS_CLEANER_BATCH_SIZE", "500");
            variables.put("FLOWS_CODE_ACTIONS_CLEANER_LOCK_AT_MOST_FOR", "15m");
            variables.put("FLOWS_CODE_ACTIONS_CLEANER_LOCK_AT_LEAST_FOR", "2m");
            variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_FAILURE_COLLECTION", "failed_copies");
            variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_ID_INDEX_COLLECTION", "log_keys");
            variables.put("FLOWS_CODE_ACTIONS_AUDIT_LEVEL", "info");
            variables.put("FLOWS_CODE_ACTIONS_CACHE_ENABLED", "false");
            // Every variable of the table but the connection string, which would open a client of its own.
            assertThat(variables).hasSize(FlowsVariable.values().length - 1);
            stores.runner(variables).run(context -> {
                assertThat(context).hasNotFailed();
                CodeLogProperties codelog = context.getBean(CodeLogProperties.class);
                assertThat(codelog.getStore()).isEqualTo(Store.MONGO);
                assertThat(codelog.getMode()).isEqualTo(Mode.SINGLE);
                CodeLogS3Properties s3 = context.getBean(CodeLogS3Properties.class);
                assertThat(s3.isEnabled()).isFalse();
                assertThat(s3.getRegion()).isEqualTo("eu-west-1");
                assertThat(s3.getBucketName()).isEqualTo("my-codeactions-logs");
                assertThat(s3.getAccessKeyId()).isEqualTo("AKIDEXAMPLE");
                assertThat(s3.getSecretAccessKey()).isEqualTo("s3cr3t");
                assertThat(s3.getPrefix()).isEqualTo("codeactions");
                assertThat(s3.getEndpoint()).isEqualTo("http://minio:9000");
                assertThat(s3.isPathStyleAccess()).isTrue();
                assertThat(s3.isAllowInsecureEndpoint()).isTrue();
                assertThat(s3.getIdIndex()).isEqualTo("mongo");
                assertThat(s3.isReadLegacyPath()).isFalse();
                assertThat(s3.isGzip()).isTrue();
                assertThat(s3.getEncryption()).isEqualTo(Encryption.KMS);
                assertThat(s3.getKmsKeyId()).isEqualTo("alias/codelog");
                assertThat(s3.getMaxRunDuration()).isEqualTo(Duration.ofDays(3));
                assertThat(s3.getListWindow()).isEqualTo(Duration.ofDays(10));
                assertThat(s3.getLookupWindow()).isEqualTo(Duration.ofDays(2));
                assertThat(s3.getLookupCacheTtl()).isEqualTo(Duration.ofSeconds(10));
                assertThat(s3.getReadConcurrency()).isEqualTo(8);
                assertThat(s3.getRetryMode()).isEqualTo(RetryMode.ADAPTIVE);
                assertThat(s3.getMaxAttempts()).isEqualTo(5);
                assertThat(s3.getApiCallTimeout()).isEqualTo(Duration.ofSeconds(20));
                CodeLogMongoProperties mongo = context.getBean(CodeLogMongoProperties.class);
                assertThat(mongo.getDatabaseName()).isEqualTo("code-actions");
                assertThat(mongo.getCollection()).isEqualTo("logs");
                assertThat(mongo.isCreateIndexes()).isFalse();
                CodeLogContentProperties content = context.getBean(CodeLogContentProperties.class);
                assertThat(content.getMaxLength()).isEqualTo(500);
                assertThat(content.getPolicy()).isEqualTo(ContentPolicy.REJECT);
                CodeLogCleanerProperties cleaner = context.getBean(CodeLogCleanerProperties.class);
                assertThat(cleaner.isEnabled()).isFalse();
                assertThat(cleaner.getScheduleTime()).isEqualTo(LocalTime.of(2, 30));
                assertThat(cleaner.getRetentionPeriod()).isEqualTo(Duration.ofDays(45));
                assertThat(cleaner.getZone()).isEqualTo(java.time.ZoneId.of("Europe/Paris"));
                assertThat(cleaner.getBatchSize()).isEqualTo(500);
                assertThat(cleaner.getLockAtLeastFor()).isEqualTo(Duration.ofMinutes(2));
                assertThat(cleaner.getLockAtMostFor()).isEqualTo(Duration.ofMinutes(15));
                assertThat(mongo.getFailureCollection()).isEqualTo("failed_copies");
                assertThat(mongo.getIdIndexCollection()).isEqualTo("log_keys");
                assertThat(context.getBean(CodeLogAuditProperties.class).getLevel())
                        .isEqualTo(org.slf4j.event.Level.INFO);
                assertThat(context.getBean(CodeLogCacheProperties.class).isEnabled())
                        .isFalse();
            });
        }

        @Test
        void theConnectionStringVariableOpensACodelogClientOnItsDatabase() {
            String database = TestStores.uniqueName();
            stores.runner(Map.of(
                            "FLOWS_CODE_ACTIONS_MONGO_DB_URI",
                            stores.mongoUri(""),
                            "FLOWS_CODE_ACTIONS_MONGO_DB_NAME",
                            database))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        context.getBean(CodeLogRepository.class).create(StoreSelectionAutoConfigurationTest.newLog());
                        MongoTemplate application = context.getBean(MongoTemplate.class);
                        assertThat(application.getDb().getName()).isNotEqualTo(database);
                        assertThat(application.getCollection("codelog").countDocuments())
                                .isZero();
                        try (MongoClient client = MongoClients.create(stores.mongoUri(""))) {
                            assertThat(client.getDatabase(database)
                                            .getCollection("codelog")
                                            .countDocuments())
                                    .isEqualTo(1);
                        }
                    });
        }

        @Test
        void theValueKeepsTheVariableAsItsOrigin() {
            stores.runner(Map.of("FLOWS_CODE_ACTIONS_S3_REGION", "eu-west-1"))
                    .run(context -> assertThat(
                                    new PropertyOrigins(context.getEnvironment()).describe("codelog.s3.region"))
                            .contains("FLOWS_CODE_ACTIONS_S3_REGION")
                            .contains("set by"));
        }

        @Test
        void withoutAnyVariableNoPropertySourceIsAdded() {
            stores.runner()
                    .run(context -> assertThat(context.getEnvironment()
                                    .getPropertySources()
                                    .contains(FlowsVariablesEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
                            .isFalse());
        }
    }

    @Nested
    class AsRelaxedProperties {

        @Test
        void theDottedFormsBindToo() {
            stores.runner()
                    .withPropertyValues(
                            "flows.code.actions.s3.enabled=false",
                            "flows.code.actions.s3.bucket.name=my-codeactions-logs",
                            "flows.code.actions.cleaner.retention.period=7")
                    .run(context -> {
                        CodeLogS3Properties s3 = context.getBean(CodeLogS3Properties.class);
                        assertThat(s3.getBucketName()).isEqualTo("my-codeactions-logs");
                        assertThat(context.getBean(CodeLogCleanerProperties.class)
                                        .getRetentionPeriod())
                                .isEqualTo(Duration.ofDays(7));
                    });
        }
    }

    @Nested
    class Precedence {

        @Test
        void anExplicitCodelogPropertyBeatsTheVariable() {
            stores.runner(Map.of("FLOWS_CODE_ACTIONS_S3_BUCKET_NAME", "from-variable"))
                    .withPropertyValues("codelog.s3.bucket-name=from-property")
                    .run(context -> assertThat(
                                    context.getBean(CodeLogS3Properties.class).getBucketName())
                            .isEqualTo("from-property"));
        }

        @Test
        void aCodelogEnvironmentVariableBeatsTheSeedsVariable() {
            stores.runner(Map.of(
                            "FLOWS_CODE_ACTIONS_S3_PREFIX", "seed",
                            "CODELOG_S3_PREFIX", "codelog"))
                    .run(context -> assertThat(
                                    context.getBean(CodeLogS3Properties.class).getPrefix())
                            .isEqualTo("codelog"));
        }

        @Test
        void theSeedsNamesFollowSpringsPrecedenceAmongThemselves() {
            stores.runner(Map.of("FLOWS_CODE_ACTIONS_S3_PREFIX", "from-variable"))
                    .withPropertyValues("flows.code.actions.s3.prefix=from-test-properties")
                    .run(context -> assertThat(
                                    context.getBean(CodeLogS3Properties.class).getPrefix())
                            .isEqualTo("from-test-properties"));
        }

        @Test
        void runningTwiceLeavesOnePropertySource() {
            StandardEnvironment environment = new StandardEnvironment();
            TestStores.useEnvironmentVariables(environment, Map.of("FLOWS_CODE_ACTIONS_S3_PREFIX", "seed"));
            FlowsVariablesEnvironmentPostProcessor processor = new FlowsVariablesEnvironmentPostProcessor();
            processor.postProcessEnvironment(environment, null);
            processor.postProcessEnvironment(environment, null);
            assertThat(environment.getPropertySources().stream()
                            .filter(source -> source.getName()
                                    .equals(FlowsVariablesEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)))
                    .hasSize(1);
            assertThat(environment
                            .getPropertySources()
                            .precedenceOf(environment
                                    .getPropertySources()
                                    .get(FlowsVariablesEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)))
                    .isEqualTo(environment.getPropertySources().size() - 1);
            assertThat(environment.getProperty("codelog.s3.prefix")).isEqualTo("seed");
        }
    }
}
