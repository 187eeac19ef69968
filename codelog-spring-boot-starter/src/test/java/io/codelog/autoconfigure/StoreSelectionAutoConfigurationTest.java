package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.DualWriteCodeLogRepository;
import io.codelog.core.FallbackCodeLogRepository;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ApplicationContext;
import software.amazon.awssdk.services.s3.S3Client;

/** Which store, or which composite of the two, the flag and the mode give, on real servers. */
@ExtendWith(TestServers.class)
class StoreSelectionAutoConfigurationTest {

    private static final IdGenerator IDS = IdGenerator.objectIds();

    private static TestStores stores;

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        stores = new TestStores(mongo, s3);
    }

    @Nested
    class ModeSingle {

        @Test
        void withoutAnyPropertyMongoIsTheStoreAndNothingOfS3IsBuilt() {
            stores.runner().run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(CodeLogRepository.class))
                        .isSameAs(context.getBean(MongoCodeLogRepository.class));
                assertThat(context).doesNotHaveBean(S3CodeLogRepository.class);
                assertThat(context).doesNotHaveBean(S3Client.class);
                assertWritesReachOnly(context, MongoCodeLogRepository.class, S3CodeLogRepository.class);
            });
        }

        @Test
        void theFlagFalseKeepsMongo() {
            stores.runner().withPropertyValues("codelog.s3.enabled=false").run(context -> {
                assertThat(context.getBean(CodeLogRepository.class)).isInstanceOf(MongoCodeLogRepository.class);
                assertThat(context).doesNotHaveBean(S3CodeLogRepository.class);
            });
        }

        @Test
        void theFlagTrueWithABucketMakesS3TheStoreAndBuildsNoMongoStore() {
            stores.runner()
                    .withPropertyValues(stores.s3Properties())
                    .withPropertyValues("codelog.s3.enabled=true")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(CodeLogRepository.class))
                                .isSameAs(context.getBean(S3CodeLogRepository.class));
                        assertThat(context).doesNotHaveBean(MongoCodeLogRepository.class);
                        CodeLog stored =
                                context.getBean(CodeLogRepository.class).create(newLog());
                        assertThat(context.getBean(S3CodeLogRepository.class).findById(stored.id()))
                                .contains(stored);
                    });
        }

        @Test
        void theStorePropertySelectsS3WithoutTheFlag() {
            stores.runner()
                    .withPropertyValues(stores.s3Properties())
                    .withPropertyValues("codelog.store=s3")
                    .run(context -> assertThat(context.getBean(CodeLogRepository.class))
                            .isInstanceOf(S3CodeLogRepository.class));
        }
    }

    @Nested
    class ModeFallback {

        @Test
        void withTheFlagTrueS3IsPrimaryAndMongoIsReadWhenS3HasNothing() {
            stores.runner()
                    .withPropertyValues(stores.s3Properties())
                    .withPropertyValues("codelog.s3.enabled=true", "codelog.mode=fallback")
                    .run(context -> {
                        assertThat(context.getBean(CodeLogRepository.class))
                                .isInstanceOf(FallbackCodeLogRepository.class);
                        assertWritesReachOnly(context, S3CodeLogRepository.class, MongoCodeLogRepository.class);
                        assertReadsFallBackTo(context, MongoCodeLogRepository.class);
                    });
        }

        @Test
        void withTheFlagFalseMongoIsPrimaryAndS3LogsStayVisible() {
            stores.runner()
                    .withPropertyValues(stores.s3Properties())
                    .withPropertyValues("codelog.s3.enabled=false", "codelog.mode=fallback")
                    .run(context -> {
                        assertThat(context.getBean(CodeLogRepository.class))
                                .isInstanceOf(FallbackCodeLogRepository.class);
                        assertWritesReachOnly(context, MongoCodeLogRepository.class, S3CodeLogRepository.class);
                        assertReadsFallBackTo(context, S3CodeLogRepository.class);
                    });
        }
    }

    @Nested
    class ModeDualWrite {

        @Test
        void withTheFlagTrueWritesReachBothAndReadsComeFromS3() {
            stores.runner()
                    .withPropertyValues(stores.s3Properties())
                    .withPropertyValues("codelog.s3.enabled=true", "codelog.mode=dual-write")
                    .run(context -> {
                        assertThat(context.getBean(CodeLogRepository.class))
                                .isInstanceOf(DualWriteCodeLogRepository.class);
                        assertWritesReachBoth(context);
                        assertReadsComeOnlyFrom(context, S3CodeLogRepository.class, MongoCodeLogRepository.class);
                    });
        }

        @Test
        void withTheFlagFalseWritesReachBothAndReadsComeFromMongo() {
            stores.runner()
                    .withPropertyValues(stores.s3Properties())
                    .withPropertyValues("codelog.mode=dual-write")
                    .run(context -> {
                        assertThat(context.getBean(CodeLogRepository.class))
                                .isInstanceOf(DualWriteCodeLogRepository.class);
                        assertWritesReachBoth(context);
                        assertReadsComeOnlyFrom(context, MongoCodeLogRepository.class, S3CodeLogRepository.class);
                    });
        }
    }

    static CodeLog newLog() {
        Instant now = Instant.now();
        return CodeLog.of(IDS.newId(now), IDS.newId(now), LogType.INFO, "hello");
    }

    private static void assertWritesReachOnly(
            ApplicationContext context,
            Class<? extends CodeLogRepository> primary,
            Class<? extends CodeLogRepository> other) {
        CodeLog stored = context.getBean(CodeLogRepository.class).create(newLog());
        assertThat(context.getBean(primary).findById(stored.id())).contains(stored);
        if (context.getBeanNamesForType(other).length > 0) {
            assertThat(context.getBean(other).findById(stored.id())).isEmpty();
        }
    }

    private static void assertReadsFallBackTo(ApplicationContext context, Class<? extends CodeLogRepository> other) {
        CodeLog onlyInOther = context.getBean(other).create(newLog());
        assertThat(context.getBean(CodeLogRepository.class).findById(onlyInOther.id()))
                .contains(onlyInOther);
    }

    private static void assertWritesReachBoth(ApplicationContext context) {
        CodeLog stored = context.getBean(CodeLogRepository.class).create(newLog());
        assertThat(context.getBean(MongoCodeLogRepository.class).findById(stored.id()))
                .contains(stored);
        assertThat(context.getBean(S3CodeLogRepository.class).findById(stored.id()))
                .contains(stored);
    }

    private static void assertReadsComeOnlyFrom(
            ApplicationContext context,
            Class<? extends CodeLogRepository> primary,
            Class<? extends CodeLogRepository> other) {
        CodeLog onlyInOther = context.getBean(other).create(newLog());
        assertThat(context.getBean(CodeLogRepository.class).findById(onlyInOther.id()))
                .isEmpty();
        CodeLog onlyInPrimary = context.getBean(primary).create(newLog());
        assertThat(context.getBean(CodeLogRepository.class).findById(onlyInPrimary.id()))
                .contains(onlyInPrimary);
    }
}
