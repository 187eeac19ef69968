package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.core.LogType;
import io.codelog.test.ForwardingCodeLogRepository;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.support.SimpleTriggerContext;

/** The retention cleaner on a real MongoDB store and a real MongoDB lock, and its auto-configuration. */
@ExtendWith(TestServers.class)
class RetentionCleanerTest {

    private static final Duration RETENTION = Duration.ofDays(30);

    private static TwoStores stores;
    private static TestStores servers;
    private static MongoClient lockClient;
    private static LockProvider lockProvider;

    @BeforeAll
    static void open(MongoTestServer mongo, S3TestServer s3) {
        stores = new TwoStores(mongo, s3);
        servers = new TestStores(mongo, s3);
        lockClient = MongoClients.create(mongo.connectionString());
        lockProvider = new MongoLockProvider(lockClient.getDatabase("codelog_locks_" + new ObjectId().toHexString()));
    }

    @AfterAll
    static void close() {
        stores.close();
        lockClient.close();
    }

    @Nested
    class Cleaning {

        private final MutableClock clock = MutableClock.at("2025-06-01T10:00:00Z");
        private final String runId = new ObjectId().toHexString();

        @Test
        void deletesEveryOldLogInSeveralBatchesAndKeepsTheNewOnes() {
            CountingRepository repository = new CountingRepository(stores.newMongo(CodeLogRules.withClock(clock)));
            List<CodeLog> kept = new ArrayList<>();
            clock.set(Instant.parse("2025-04-01T00:00:00Z"));
            for (int i = 0; i < 7; i++) {
                clock.advance(Duration.ofMinutes(1));
                repository.create(CodeLog.of(runId, runId, LogType.INFO, "old " + i));
            }
            clock.set(Instant.parse("2025-05-20T00:00:00Z"));
            for (int i = 0; i < 2; i++) {
                clock.advance(Duration.ofMinutes(1));
                kept.add(repository.create(CodeLog.of(runId, runId, LogType.INFO, "new " + i)));
            }
            clock.set(Instant.parse("2025-06-01T10:00:00Z"));

            OptionalLong deleted = cleaner(repository, 3).clean();

            assertThat(deleted).hasValue(7);
            assertThat(repository.deleteOlderCalls).as("batches of 3: 3, 3, 1").isEqualTo(3);
            assertThat(repository.listRunLogs(runId, null, 100, 1)).containsExactlyElementsOf(kept);
        }

        @Test
        void theLockIsExclusive() {
            net.javacrumbs.shedlock.core.LockConfiguration config = new net.javacrumbs.shedlock.core.LockConfiguration(
                    Instant.now(), "probe-" + runId, Duration.ofMinutes(5), Duration.ZERO);
            var first = lockProvider.lock(config);
            var second = lockProvider.lock(config);
            assertThat(first).isPresent();
            assertThat(second).isEmpty();
        }

        @Test
        void aSecondInstanceDoesNotRunWhileTheFirstHoldsTheLock() throws Exception {
            CodeLogRepository store = stores.newMongo(CodeLogRules.withClock(clock));
            List<OptionalLong> secondInstanceResults = new ArrayList<>();
            CodeLogRetentionCleaner[] second = new CodeLogRetentionCleaner[1];
            CodeLogRepository whileLocked = new CountingRepository(store) {
                @Override
                public long deleteOlder(Instant cutoff, long limit) {
                    // Another instance, on another thread, tries while this one holds the lock.
                    secondInstanceResults.add(CompletableFuture.supplyAsync(() -> second[0].clean())
                            .join());
                    return super.deleteOlder(cutoff, limit);
                }
            };
            second[0] = cleaner(store, 10);

            assertThat(cleaner(whileLocked, 10).clean()).hasValue(0);
            assertThat(secondInstanceResults).containsExactly(OptionalLong.empty());
            assertThat(second[0].clean())
                    .as("the lock is free again afterwards")
                    .hasValue(0);
        }

        private CodeLogRetentionCleaner cleaner(CodeLogRepository repository, long batchSize) {
            return new CodeLogRetentionCleaner(
                    repository,
                    new DefaultLockingTaskExecutor(lockProvider),
                    clock,
                    RETENTION,
                    batchSize,
                    Duration.ofMinutes(5),
                    Duration.ZERO);
        }
    }

    @Nested
    class Schedule {

        @Test
        void runsDailyAtTheTimeInTheZone() {
            assertThat(CodeLogCleanerSchedule.cron(LocalTime.of(1, 0))).isEqualTo("0 0 1 * * *");
            CodeLogCleanerSchedule schedule =
                    new CodeLogCleanerSchedule(null, LocalTime.of(1, 30), ZoneId.of("Europe/Paris"));
            TriggerContext last = new SimpleTriggerContext(
                    Instant.parse("2025-06-01T12:00:00Z"), null, Instant.parse("2025-06-01T12:00:00Z"));

            Instant next = schedule.trigger().nextExecution(last);

            assertThat(ZonedDateTime.ofInstant(next, ZoneOffset.UTC))
                    .isEqualTo(ZonedDateTime.parse("2025-06-01T23:30:00Z"));
        }

        @Test
        void theDefaultsAreOneInTheMorningUtcInBatchesOf10000() {
            servers.runner().run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(CodeLogRetentionCleaner.class);
                CodeLogCleanerProperties properties = context.getBean(CodeLogCleanerProperties.class);
                assertThat(properties.getScheduleTime()).isEqualTo(LocalTime.of(1, 0));
                assertThat(properties.getZone()).isEqualTo(ZoneOffset.UTC);
                assertThat(properties.getBatchSize()).isEqualTo(10_000);
                assertThat(context.getBean(CodeLogCleanerSchedule.class).isRunning())
                        .isTrue();
            });
        }

        @Test
        void aBadTimeFailsStartUpNamingTheVariable() {
            // Boot's failure analyzer prints the property and its origin, here the variable.
            servers.runner(Map.of("FLOWS_CODE_ACTIONS_CLEANER_SCHEDULE_TIME", "25:00"))
                    .run(context -> assertThat(badProperty(context.getStartupFailure()))
                            .contains("codelog.cleaner.schedule-time")
                            .contains("\"FLOWS_CODE_ACTIONS_CLEANER_SCHEDULE_TIME\""));
            servers.runner(Map.of("FLOWS_CODE_ACTIONS_CLEANER_ZONE", "Mars/Olympus"))
                    .run(context -> assertThat(badProperty(context.getStartupFailure()))
                            .contains("\"FLOWS_CODE_ACTIONS_CLEANER_ZONE\""));
            servers.runner(Map.of("FLOWS_CODE_ACTIONS_CLEANER_BATCH_SIZE", "0"))
                    .run(context -> assertThat(context)
                            .getFailure()
                            .hasStackTraceContaining("FLOWS_CODE_ACTIONS_CLEANER_BATCH_SIZE"));
        }

        @Test
        void aLockHeldAtLeastLongerThanAtMostNamesTheVariable() {
            servers.runner(Map.of("FLOWS_CODE_ACTIONS_CLEANER_LOCK_AT_LEAST_FOR", "2h"))
                    .run(context -> assertThat(StartupFailures.configurationFailure(context)
                                    .getMessage())
                            .contains("FLOWS_CODE_ACTIONS_CLEANER_LOCK_AT_LEAST_FOR")
                            .contains("PT2H")
                            .contains("PT1H"));
        }

        @Test
        void disabledThereIsNoCleaner() {
            servers.runner(Map.of("FLOWS_CODE_ACTIONS_CLEANER_ENABLED", "false"))
                    .run(context -> assertThat(context)
                            .hasNotFailed()
                            .doesNotHaveBean(CodeLogRetentionCleaner.class)
                            .doesNotHaveBean(CodeLogCleanerSchedule.class)
                            .doesNotHaveBean(CleanerLock.class));
        }
    }

    /** The property a start-up failed to bind and where its value came from. */
    private static String badProperty(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return bind.getProperty().getName() + " from "
                        + bind.getProperty().getOrigin();
            }
        }
        throw new AssertionError("start-up did not fail binding a property", failure);
    }

    /** A store that counts the deleteOlder calls it passes on. */
    static class CountingRepository extends ForwardingCodeLogRepository {
        int deleteOlderCalls;

        CountingRepository(CodeLogRepository store) {
            super(store);
        }

        @Override
        public long deleteOlder(Instant cutoff, long limit) {
            deleteOlderCalls++;
            return super.deleteOlder(cutoff, limit);
        }
    }
}
