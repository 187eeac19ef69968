package io.codelog.autoconfigure;

import static io.codelog.autoconfigure.StartupFailures.configurationFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLogRepository;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The retention cleaner's lock always has a home: MongoDB wherever a MongoDB connection is configured, in every
 * mode; else the logs' bucket, so that an S3-only service starts with every setting at its default, with or without
 * the MongoDB jars. codelog's lock provider and S3 client never become the application's beans.
 */
@ExtendWith(TestServers.class)
class CleanerLockAutoConfigurationTest {

    /** What excluding io.codelog:codelog-mongo from the starter takes off the classpath. */
    static final FilteredClassLoader WITHOUT_MONGODB_JARS =
            new FilteredClassLoader("io.codelog.mongo", "org.springframework.data.mongodb", "com.mongodb", "org.bson");

    private static TestStores stores;
    private static MongoTestServer mongo;

    @BeforeAll
    static void servers(MongoTestServer mongoServer, S3TestServer s3) {
        stores = new TestStores(mongoServer, s3);
        mongo = mongoServer;
    }

    private static Map<String, Object> s3Only() {
        Map<String, Object> variables = new HashMap<>(stores.s3Variables());
        variables.put("FLOWS_CODE_ACTIONS_S3_ENABLED", "true");
        return variables;
    }

    private static LockProvider codeLogLock(ApplicationContext context) {
        return context.getBean(CleanerLock.class).provider();
    }

    @Nested
    class WhereTheLockLives {

        @Test
        void theSeedsBlockLocksInTheMongoDbItNamesAlthoughS3IsTheOnlyStore() {
            Map<String, Object> variables = s3Only();
            variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_URI", mongo.connectionString());
            variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_NAME", TestStores.uniqueName());
            stores.runnerWithoutMongoDb(variables).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(CodeLogRepository.class)).isInstanceOf(S3CodeLogRepository.class);
                assertThat(codeLogLock(context)).isInstanceOf(MongoLockProvider.class);
            });
        }

        @Test
        void anS3OnlyServiceWithDefaultsLocksInItsBucket() {
            stores.runnerWithoutMongoDb(s3Only()).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(codeLogLock(context)).isInstanceOf(S3LockProvider.class);
                assertThat(context).hasSingleBean(CodeLogCleanerSchedule.class);
            });
        }

        @Test
        void anS3OnlyServiceWithItsOwnMongoTemplateLocksThere() {
            stores.runner(s3Only()).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(codeLogLock(context)).isInstanceOf(MongoLockProvider.class);
            });
        }

        @Test
        void aMongoDbServiceLocksInMongoDb() {
            stores.runner().run(context -> assertThat(codeLogLock(context)).isInstanceOf(MongoLockProvider.class));
        }

        @Test
        void theApplicationsLockProviderWinsAndCodelogBuildsNone() {
            LockProvider own = configuration -> Optional.empty();
            stores.runnerWithoutMongoDb(s3Only())
                    .withBean("ownLockProvider", LockProvider.class, () -> own)
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBeansOfType(LockProvider.class)).containsOnlyKeys("ownLockProvider");
                        assertThat(codeLogLock(context)).isSameAs(own);
                        assertThat(context.getBean(CodeLogRetentionCleaner.class)
                                        .clean())
                                .as("the application's provider refused the lock, so the cleaner skipped")
                                .isEmpty();
                    });
        }
    }

    @Nested
    class CodelogsBeansStayCodelogs {

        @Test
        void theLockProviderAndTheS3ClientAreNotTheApplicationsToFind() {
            stores.runnerWithoutMongoDb(s3Only())
                    .withUserConfiguration(ApplicationUsingBoth.class)
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(codeLogLock(context)).isInstanceOf(S3LockProvider.class);
                        // ShedLock's @EnableSchedulerLock looks its provider up with getBean(LockProvider.class).
                        assertThatThrownBy(() -> context.getBean(LockProvider.class))
                                .isInstanceOf(NoSuchBeanDefinitionException.class);
                        assertThatThrownBy(() -> context.getBean(S3Client.class))
                                .isInstanceOf(NoSuchBeanDefinitionException.class);
                        ApplicationUsingBoth application = context.getBean(ApplicationUsingBoth.class);
                        assertThat(application.locks.getIfAvailable()).isNull();
                        assertThat(application.clients.getIfAvailable()).isNull();
                    });
        }
    }

    /** An application that would take a LockProvider and an S3Client if the context offered them. */
    @Configuration(proxyBeanMethods = false)
    static class ApplicationUsingBoth {
        @Autowired
        ObjectProvider<LockProvider> locks;

        @Autowired
        ObjectProvider<S3Client> clients;
    }

    @Nested
    class WithoutTheMongoDbJars {

        private ApplicationContextRunner withoutJars(Map<String, Object> variables) {
            return stores.runnerWithoutMongoDb(variables).withClassLoader(WITHOUT_MONGODB_JARS);
        }

        @Test
        void anS3OnlyServiceStartsWithDefaultsAndLocksInItsBucket() {
            withoutJars(s3Only()).run(context -> {
                assertThat(context).hasNotFailed();
                CodeLogRepository repository = context.getBean(CodeLogRepository.class);
                assertThat(repository).isInstanceOf(S3CodeLogRepository.class);
                assertThat(repository.findById(repository
                                .create(StoreSelectionAutoConfigurationTest.newLog())
                                .id()))
                        .isPresent();
                assertThat(codeLogLock(context)).isInstanceOf(S3LockProvider.class);
            });
        }

        @Test
        void mongoDbSelectedNamesTheVariableAndTheDependency() {
            withoutJars(Map.of()).run(context -> {
                CodeLogConfigurationException failure = configurationFailure(context);
                assertThat(failure.property()).isEqualTo("codelog.s3.enabled");
                assertThat(failure.description())
                        .contains("FLOWS_CODE_ACTIONS_S3_ENABLED")
                        .contains("not set")
                        .contains("codelog-mongo");
                assertThat(failure.action()).contains("io.codelog:codelog-mongo");
            });
        }

        @Test
        void fallbackNamesTheModeVariableAndTheDependency() {
            Map<String, Object> variables = s3Only();
            variables.put("FLOWS_CODE_ACTIONS_MODE", "fallback");
            withoutJars(variables).run(context -> {
                CodeLogConfigurationException failure = configurationFailure(context);
                assertThat(failure.property()).isEqualTo("codelog.mode");
                assertThat(failure.description())
                        .contains("FLOWS_CODE_ACTIONS_MODE")
                        .contains("fallback")
                        .contains("codelog-mongo");
                assertThat(failure.action()).contains("io.codelog:codelog-mongo");
            });
        }
    }

    @Nested
    class TwoInstances {

        @Test
        void oneCleansAndTheOtherSkipsWhileTheLockIsHeldInTheBucket() {
            Map<String, Object> variables = s3Only();
            variables.put("FLOWS_CODE_ACTIONS_S3_PREFIX", "service");
            ApplicationContextRunner instance = stores.runnerWithoutMongoDb(variables);
            instance.run(first -> instance.run(second -> {
                OptionalLong firstRun =
                        first.getBean(CodeLogRetentionCleaner.class).clean();
                OptionalLong secondRun =
                        second.getBean(CodeLogRetentionCleaner.class).clean();

                assertThat(firstRun).as("the first instance cleans").isPresent();
                assertThat(secondRun)
                        .as("the second skips: the lock is held for lock-at-least-for")
                        .isEmpty();
                S3Client raw = stores.client();
                String bucket = (String) variables.get("FLOWS_CODE_ACTIONS_S3_BUCKET_NAME");
                assertThat(raw.listObjectsV2(request -> request.bucket(bucket)).contents())
                        .extracting(object -> object.key())
                        .containsExactly("service/locks/" + CodeLogRetentionCleaner.LOCK_NAME);
                raw.close();
            }));
        }

        @Test
        void theLockIsTheSameForEveryInstanceOfTheBucketAndPrefix() {
            Map<String, Object> variables = s3Only();
            ApplicationContextRunner instance = stores.runnerWithoutMongoDb(variables);
            instance.run(first -> instance.run(second -> {
                LockConfiguration lock = new LockConfiguration(
                        java.time.Instant.now(), "probe", java.time.Duration.ofMinutes(1), java.time.Duration.ZERO);
                Optional<SimpleLock> held = codeLogLock(first).lock(lock);
                assertThat(held).isPresent();
                assertThat(codeLogLock(second).lock(lock)).isEmpty();
                held.get().unlock();
                assertThat(codeLogLock(second).lock(lock)).isPresent();
            }));
        }
    }
}
