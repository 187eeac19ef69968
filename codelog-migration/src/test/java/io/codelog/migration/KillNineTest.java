package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.MongoTestServer;
import io.codelog.test.MutableClock;
import io.codelog.test.S3TestServer;
import io.codelog.test.TestServers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker in another JVM is killed with SIGKILL in the middle of a partition; a worker started afterwards, once
 * the dead worker's lease has expired, finishes the job with nothing missing and nothing extra.
 */
@ExtendWith(TestServers.class)
class KillNineTest {

    private static final LocalDate FROM = LocalDate.of(2025, 2, 1);
    private static final int DAYS = 4;
    private static final int LOGS = 1_200;
    private static final int KILL_AFTER = 400;

    private MigrationFixture fixture;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
        new LogSeeder(99).seed(fixture.logs(), FROM, DAYS, LOGS);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("kill -9 mid-partition, then run again: the job completes, verify finds everything equal, and"
            + " the bucket holds exactly one object and one pointer per log")
    void killedWorkerIsResumed(MongoTestServer mongo, S3TestServer s3) throws Exception {
        int lastRead = 0;
        Process worker;
        try (WorkerProcess child =
                new WorkerProcess(fixture, mongo, s3, "256m", "killed", FROM, DAYS, 8, "doomed-worker")) {
            worker = child.process();
            String line;
            while (lastRead < KILL_AFTER && (line = child.nextLine()) != null) {
                if (line.startsWith("read ")) {
                    lastRead = Integer.parseInt(line.substring(5));
                }
            }
            worker.destroyForcibly();
            assertThat(worker.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(lastRead)
                .as("the worker reached a checkpoint before it was killed")
                .isGreaterThanOrEqualTo(KILL_AFTER);
        assertThat(worker.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        List<PartitionStatus> afterKill =
                fixture.forward(MutableClock.at(Instant.now())).state().partitions("killed");
        assertThat(afterKill).anySatisfy(status -> assertThat(status.state()).isEqualTo(PartitionState.CLAIMED));

        MutableClock afterLease =
                MutableClock.at(Instant.now().plus(MigrationJob.DEFAULT_LEASE).plusSeconds(30));
        MigrationEngine engine = fixture.forward(afterLease);
        MigrationSummary resumed = engine.migrate(
                        MigrationJob.of("killed", FROM, FROM.plusDays(DAYS)).withOwner("successor"),
                        MigrationListener.none())
                .call();

        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.counts().read()).isLessThan(LOGS);
        assertThat(engine.state().partitions("killed"))
                .allSatisfy(status -> assertThat(status.state()).isEqualTo(PartitionState.DONE))
                .anySatisfy(status -> assertThat(status.claims()).isEqualTo(2));
        VerificationReport report = engine.verify(VerifyJob.of(FROM, FROM.plusDays(DAYS)));
        assertThat(report.checked()).isEqualTo(LOGS);
        assertThat(report.allEqual()).isTrue();
        assertThat(fixture.keys("tenant-a/logs/")).hasSize(LOGS);
        assertThat(fixture.keys("tenant-a/index/")).hasSize(LOGS);
        assertThat(fixture.keys("")).hasSize(2 * LOGS);
    }
}
