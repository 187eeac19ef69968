package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rollback migrates S3 back to MongoDB with the same guarantees. */
@ExtendWith(TestServers.class)
class RollbackTest {

    private static final LocalDate FROM = LocalDate.of(2025, 4, 1);
    private static final int DAYS = 4;
    private static final int LOGS = 400;

    private final MutableClock clock = MutableClock.at("2025-06-01T00:00:00Z");
    private final List<CodeLog> logs = new ArrayList<>();
    private MigrationFixture fixture;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
        Random random = new Random(17);
        for (int i = 0; i < LOGS; i++) {
            Instant created = FROM.plusDays(i % DAYS)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .plusNanos(random.nextLong(86_400_000_000_000L));
            String id = i % 3 == 0
                    ? new UUID(random.nextLong(), random.nextLong()).toString()
                    : new ObjectId(java.util.Date.from(created), i).toHexString();
            String run = i % 2 == 0 ? "65f1a2b3c4d5e6f708192a3b" : "0b8e9f3a-6c2d-4f1e-9a7b-3c4d5e6f7a8b";
            CodeLog log = new CodeLog(
                    id,
                    run,
                    "65f1a2b3c4d5e6f708192a3c",
                    LogType.ERROR,
                    "rolled back " + i,
                    created,
                    created.plusMillis(i));
            logs.add(fixture.s3Repository.put(log));
        }
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("copies every S3 log into MongoDB to the nanosecond; verify finds all equal; a second job skips all")
    void rollsBack() {
        MigrationEngine rollback = fixture.rollback(clock);
        fixture.resetCounts();

        MigrationSummary summary = rollback.migrate(
                        MigrationJob.of("rollback", FROM, FROM.plusDays(DAYS)), MigrationListener.none())
                .call();

        assertThat(summary.source()).isEqualTo("s3");
        assertThat(summary.target()).isEqualTo("mongo");
        assertThat(summary.complete()).isTrue();
        assertThat(summary.counts()).isEqualTo(new PartitionCounts(LOGS, LOGS, 0, 0));
        assertThat(fixture.counter.count("GetObject")).isEqualTo(LOGS);
        assertThat(fixture.counter.count("PutObject")).isZero();
        assertThat(summary.requests().count(RequestKind.MONGO)).isEqualTo(2L * LOGS);
        for (CodeLog log : logs) {
            assertThat(fixture.mongoRepository.findById(log.id())).contains(log);
        }
        assertThat(rollback.verify(VerifyJob.of(FROM, FROM.plusDays(DAYS))).allEqual())
                .isTrue();

        MigrationSummary again = rollback.migrate(
                        MigrationJob.of("rollback-2", FROM, FROM.plusDays(DAYS)), MigrationListener.none())
                .call();
        assertThat(again.counts()).isEqualTo(new PartitionCounts(LOGS, 0, LOGS, 0));
        assertThat(fixture.logs().countDocuments()).isEqualTo(LOGS);
    }

    @Test
    @DisplayName("a cancelled rollback resumes after the last S3 key it finished")
    void resumesAfterTheLastKey() {
        AtomicRun first = new AtomicRun();
        first.run = fixture.rollback(clock)
                .migrate(
                        MigrationJob.of("rollback-resume", FROM, FROM.plusDays(DAYS))
                                .withConcurrency(4)
                                .withCheckpointEvery(20)
                                .withBatchSize(25),
                        new MigrationListener() {
                            @Override
                            public void onProgress(MigrationProgress progress) {
                                if (progress.counts().read() >= 150) {
                                    first.run.cancel();
                                }
                            }
                        });
        MigrationSummary cancelled = first.run.call();
        assertThat(cancelled.cancelled()).isTrue();
        fixture.resetCounts();

        MigrationSummary resumed = fixture.rollback(clock)
                .migrate(MigrationJob.of("rollback-resume", FROM, FROM.plusDays(DAYS)), MigrationListener.none())
                .call();

        assertThat(resumed.complete()).isTrue();
        assertThat(cancelled.counts().read() + resumed.counts().read()).isEqualTo(LOGS);
        assertThat(fixture.counter.count("GetObject"))
                .isEqualTo(resumed.counts().read());
        assertThat(fixture.logs().countDocuments()).isEqualTo(LOGS);
    }

    /** Lets the listener reach the run it belongs to. */
    private static final class AtomicRun {
        volatile MigrationRun run;
    }
}
