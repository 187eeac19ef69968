package io.codelog.autoconfigure;

import static io.codelog.autoconfigure.StartupFailures.configurationFailure;
import static io.codelog.autoconfigure.StartupFailures.printed;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLogRepository;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each misconfiguration fails start-up with a message naming the variable and what to set, never a secret. */
@ExtendWith(TestServers.class)
class MisconfigurationTest {

    private static final String SECRET = "wJalrXUtnFEMI-K7MDENG-secret";

    private static TestStores stores;

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        stores = new TestStores(mongo, s3);
    }

    /** Fails with a message naming the property and the variable, holding no secret anywhere in its chain. */
    private static void assertFailsNaming(ApplicationContextRunner runner, String property, String variable) {
        runner.withPropertyValues("codelog.s3.access-key-id=AKIDEXAMPLE", "codelog.s3.secret-access-key=" + SECRET)
                .run(context -> {
                    CodeLogConfigurationException failure = configurationFailure(context);
                    assertThat(failure.property()).isEqualTo(property);
                    assertThat(failure.getMessage()).contains(property).contains(variable);
                    assertThat(printed(context.getStartupFailure())).doesNotContain(SECRET);
                });
    }

    @Nested
    class Flag {

        @Test
        void anUnparsableFlagNamesTheVariableThatHeldIt() {
            stores.runner(Map.of("FLOWS_CODE_ACTIONS_S3_ENABLED", "maybe")).run(context -> {
                CodeLogConfigurationException failure = configurationFailure(context);
                assertThat(failure.description())
                        .contains("codelog.s3.enabled")
                        .contains("\"maybe\"")
                        .contains("FLOWS_CODE_ACTIONS_S3_ENABLED");
                assertThat(failure.action()).contains("true or false");
            });
        }

        @Test
        void anUnknownModeIsRefused() {
            assertFailsNaming(
                    stores.runner().withPropertyValues("codelog.mode=tripple"),
                    "codelog.mode",
                    "FLOWS_CODE_ACTIONS_MODE");
        }

        @Test
        void aStoreThatContradictsTheFlagIsRefused() {
            assertFailsNaming(
                    stores.runner().withPropertyValues("codelog.store=s3", "codelog.s3.enabled=false"),
                    "codelog.store",
                    "FLOWS_CODE_ACTIONS_S3_ENABLED");
        }
    }

    @Nested
    class S3Settings {

        @Test
        void s3EnabledWithoutABucketAsksForTheBucketVariable() {
            assertFailsNaming(
                    stores.runner().withPropertyValues("codelog.s3.enabled=true", "codelog.s3.region=us-east-1"),
                    "codelog.s3.bucket-name",
                    "FLOWS_CODE_ACTIONS_S3_BUCKET_NAME");
        }

        @Test
        void fallbackWithoutS3SettingsSaysTheModeNeedsThem() {
            stores.runner().withPropertyValues("codelog.mode=fallback").run(context -> {
                CodeLogConfigurationException failure = configurationFailure(context);
                assertThat(failure.description()).contains("codelog.mode is fallback");
                assertThat(failure.action())
                        .contains("FLOWS_CODE_ACTIONS_S3_BUCKET_NAME")
                        .contains("codelog.mode=single");
            });
        }

        @Test
        void dualWriteWithoutS3SettingsSaysTheModeNeedsThem() {
            stores.runner()
                    .withPropertyValues("codelog.mode=dual-write")
                    .run(context -> assertThat(configurationFailure(context).getMessage())
                            .contains("codelog.mode is dual-write")
                            .contains("FLOWS_CODE_ACTIONS_S3_BUCKET_NAME"));
        }

        @Test
        void anUnknownRegionNamesTheVariableItCameFrom() {
            stores.runner(Map.of(
                            "FLOWS_CODE_ACTIONS_S3_ENABLED", "true",
                            "FLOWS_CODE_ACTIONS_S3_BUCKET_NAME", "logs-bucket",
                            "FLOWS_CODE_ACTIONS_S3_REGION", "mars-north-1",
                            "FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY", SECRET,
                            "FLOWS_CODE_ACTIONS_S3_ACCESS_KEY_ID", "AKIDEXAMPLE"))
                    .run(context -> {
                        CodeLogConfigurationException failure = configurationFailure(context);
                        assertThat(failure.property()).isEqualTo("codelog.s3.region");
                        assertThat(failure.description())
                                .contains("\"mars-north-1\"")
                                .contains("FLOWS_CODE_ACTIONS_S3_REGION");
                        assertThat(printed(context.getStartupFailure())).doesNotContain(SECRET);
                    });
        }

        @Test
        void anInvalidPrefixNamesThePrefixVariable() {
            assertFailsNaming(
                    stores.runner()
                            .withPropertyValues(
                                    "codelog.s3.enabled=true",
                                    "codelog.s3.bucket-name=logs-bucket",
                                    "codelog.s3.region=us-east-1",
                                    "codelog.s3.prefix=code actions/../x"),
                    "codelog.s3.prefix",
                    "FLOWS_CODE_ACTIONS_S3_PREFIX");
        }

        @Test
        void anInvalidBucketNameNamesTheBucketVariable() {
            assertFailsNaming(
                    stores.runner()
                            .withPropertyValues(
                                    "codelog.s3.enabled=true",
                                    "codelog.s3.bucket-name=Logs_Bucket",
                                    "codelog.s3.region=us-east-1"),
                    "codelog.s3.bucket-name",
                    "FLOWS_CODE_ACTIONS_S3_BUCKET_NAME");
        }

        @Test
        void anEndpointWithTheBucketInItsPathIsRefused() {
            assertFailsNaming(
                    stores.runner()
                            .withPropertyValues(
                                    "codelog.s3.enabled=true",
                                    "codelog.s3.bucket-name=logs-bucket",
                                    "codelog.s3.endpoint=https://s3.amazonaws.com/logs-bucket"),
                    "codelog.s3.endpoint",
                    "FLOWS_CODE_ACTIONS_S3_ENDPOINT");
        }

        @Test
        void aPlainHttpEndpointBeyondLoopbackIsRefused() {
            assertFailsNaming(
                    stores.runner()
                            .withPropertyValues(
                                    "codelog.s3.enabled=true",
                                    "codelog.s3.bucket-name=logs-bucket",
                                    "codelog.s3.endpoint=http://minio.internal:9000"),
                    "codelog.s3.endpoint",
                    "FLOWS_CODE_ACTIONS_S3_ENDPOINT");
        }

        @Test
        void aPlainHttpEndpointBeyondLoopbackStartsWhenExplicitlyAllowed() {
            stores.runner()
                    .withPropertyValues(
                            "codelog.s3.enabled=true",
                            "codelog.s3.bucket-name=logs-bucket",
                            "codelog.s3.endpoint=http://minio.internal:9000",
                            "codelog.s3.allow-insecure-endpoint=true")
                    .run(context -> assertThat(context).hasNotFailed());
        }

        @Test
        void anAccessKeyWithoutItsSecretAsksForTheSecretVariable() {
            stores.runner()
                    .withPropertyValues(
                            "codelog.s3.enabled=true",
                            "codelog.s3.bucket-name=logs-bucket",
                            "codelog.s3.region=us-east-1",
                            "codelog.s3.access-key-id=AKIDEXAMPLE")
                    .run(context -> {
                        CodeLogConfigurationException failure = configurationFailure(context);
                        assertThat(failure.property()).isEqualTo("codelog.s3.secret-access-key");
                        assertThat(failure.getMessage()).contains("FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY");
                    });
        }

        @Test
        void kmsWithoutAKeyAsksForTheKeyVariable() {
            assertFailsNaming(
                    stores.runner()
                            .withPropertyValues(
                                    "codelog.s3.enabled=true",
                                    "codelog.s3.bucket-name=logs-bucket",
                                    "codelog.s3.region=us-east-1",
                                    "codelog.s3.encryption=kms"),
                    "codelog.s3.kms-key-id",
                    "FLOWS_CODE_ACTIONS_S3_KMS_KEY_ID");
        }

        @Test
        void aKmsKeyWithoutKmsEncryptionIsRefused() {
            assertFailsNaming(
                    stores.runner()
                            .withPropertyValues(
                                    "codelog.s3.enabled=true",
                                    "codelog.s3.bucket-name=logs-bucket",
                                    "codelog.s3.region=us-east-1",
                                    "codelog.s3.kms-key-id=alias/codelog"),
                    "codelog.s3.encryption",
                    "FLOWS_CODE_ACTIONS_S3_ENCRYPTION");
        }

        @Test
        void zeroAttemptsAreRefused() {
            assertFailsNaming(
                    stores.runner()
                            .withPropertyValues(
                                    "codelog.s3.enabled=true",
                                    "codelog.s3.bucket-name=logs-bucket",
                                    "codelog.s3.region=us-east-1",
                                    "codelog.s3.max-attempts=0"),
                    "codelog.s3.max-attempts",
                    "FLOWS_CODE_ACTIONS_S3_MAX_ATTEMPTS");
        }
    }

    @Nested
    class MongoSettings {

        @Test
        void aBrokenConnectionStringIsNeverQuoted() {
            String uri = "mongo://codelog:" + SECRET + "@db.internal:27017/logs";
            stores.runner(Map.of("FLOWS_CODE_ACTIONS_MONGO_DB_URI", uri)).run(context -> {
                CodeLogConfigurationException failure = configurationFailure(context);
                assertThat(failure.getMessage()).contains("FLOWS_CODE_ACTIONS_MONGO_DB_URI");
                assertThat(printed(context.getStartupFailure())).doesNotContain(SECRET);
            });
        }

        @Test
        void aConnectionStringWithoutADatabaseAsksForTheNameVariable() {
            stores.runner()
                    .withPropertyValues("codelog.mongo.uri=mongodb://127.0.0.1:1")
                    .run(context -> assertThat(configurationFailure(context).getMessage())
                            .contains("FLOWS_CODE_ACTIONS_MONGO_DB_NAME"));
        }

        @Test
        void anInvalidCollectionNamesTheCollectionVariable() {
            assertFailsNaming(
                    stores.runner().withPropertyValues("codelog.mongo.collection=system.logs"),
                    "codelog.mongo.collection",
                    "FLOWS_CODE_ACTIONS_MONGO_DB_COLLECTION");
        }

        @Test
        void aZeroContentLimitNamesTheContentVariable() {
            assertFailsNaming(
                    stores.runner().withPropertyValues("codelog.content.max-length=0"),
                    "codelog.content.max-length",
                    "FLOWS_CODE_ACTIONS_CONTENT_MAX_LENGTH");
        }
    }

    @Nested
    class WithoutTheAwsSdk {

        private ApplicationContextRunner withoutSdk() {
            return stores.runner().withClassLoader(new FilteredClassLoader("software.amazon.awssdk", "io.codelog.s3"));
        }

        @Test
        void mongoStillStarts() {
            withoutSdk().run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(CodeLogRepository.class)).isInstanceOf(MongoCodeLogRepository.class);
            });
        }

        @Test
        void s3EnabledSaysTheDependencyIsMissing() {
            withoutSdk()
                    .withPropertyValues("codelog.s3.enabled=true", "codelog.s3.bucket-name=logs-bucket")
                    .run(context -> {
                        CodeLogConfigurationException failure = configurationFailure(context);
                        assertThat(failure.description()).contains("not on the classpath");
                        assertThat(failure.action())
                                .contains("io.codelog:codelog-s3")
                                .contains("FLOWS_CODE_ACTIONS_S3_ENABLED");
                    });
        }

        @Test
        void fallbackSaysTheDependencyIsMissing() {
            withoutSdk()
                    .withPropertyValues("codelog.mode=fallback")
                    .run(context -> assertThat(configurationFailure(context).description())
                            .contains("codelog.mode is fallback")
                            .contains("not on the classpath"));
        }
    }
}
