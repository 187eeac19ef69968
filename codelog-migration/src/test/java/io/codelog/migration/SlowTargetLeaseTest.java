package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.codelog.core.CodeLog;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A live worker keeps its day while the target is slow: its writes are held back for more than two of its
 * leases, during which it can neither read on (every slot of its pool is taken) nor finish (its copies have not
 * drained). A second worker of the job waits for that day the whole time and never takes it over.
 */
@ExtendWith(TestServers.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SlowTargetLeaseTest {

    private static final LocalDate DAY = LocalDate.of(2025, 7, 1);
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final String JOB = "slow-target";

    private final CountDownLatch writing = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private MigrationFixture fixture;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        workers.shutdownNow();
        fixture.close();
    }

    @ParameterizedTest(name = "{0} logs: {1}")
    @CsvSource({"2, the worker waits for its copies to drain", "12, the worker waits for a free slot"})
    @DisplayName("the slow worker renews its lease while it waits on its copies; the other worker never takes its day")
    void slowWorkerKeepsItsDay(int logs, String where) throws Exception {
        new LogSeeder(3).seed(fixture.logs(), DAY, 1, logs);
        MigrationEngine healthy = fixture.forward(Clock.systemUTC());
        MigrationEngine slow = new MigrationEngine(
                healthy.source(), new HeldBackTarget(healthy.target()), healthy.state(), Clock.systemUTC());
        MigrationRun slowRun = slow.migrate(
                job().withConcurrency(1).withCheckpointEvery(1_000).withOwner("slow-worker"), MigrationListener.none());
        CompletableFuture<MigrationSummary> slowSummary = CompletableFuture.supplyAsync(slowRun::call, workers);
        assertThat(writing.await(1, TimeUnit.MINUTES))
                .as("the slow worker began to write")
                .isTrue();
        Instant firstExpiry = day().leaseExpiresAt();

        MigrationRun otherRun = healthy.migrate(
                job().withWaitForHeld(Duration.ofMinutes(1)).withOwner("other-worker"), MigrationListener.none());
        CompletableFuture<MigrationSummary> otherSummary = CompletableFuture.supplyAsync(otherRun::call, workers);
        await("the other worker waits for the slow worker's day")
                .atMost(Duration.ofMinutes(1))
                .until(() -> !otherRun.progress().waitingFor().isEmpty());

        boolean seenRenewed = false;
        Instant twoLeasesLater = firstExpiry.plus(LEASE);
        while (Instant.now().isBefore(twoLeasesLater)) {
            PartitionStatus day = day();
            assertThat(day.state())
                    .as("%s: the day is still being copied", where)
                    .isEqualTo(PartitionState.CLAIMED);
            assertThat(day.owner()).as("%s: the day's holder", where).isEqualTo("slow-worker");
            seenRenewed |= otherRun.progress().waitingFor().stream().anyMatch(HeldPartition::renewed);
            Thread.sleep(50);
        }
        assertThat(day().leaseExpiresAt()).as("renewed past its first expiry").isAfter(firstExpiry);
        release.countDown();

        MigrationSummary slowDone = slowSummary.get(1, TimeUnit.MINUTES);
        MigrationSummary otherDone = otherSummary.get(1, TimeUnit.MINUTES);
        assertThat(seenRenewed)
                .as("the waiting worker saw the holder renew its lease")
                .isTrue();
        assertThat(slowDone.partitionsByThisWorker()).isEqualTo(1);
        assertThat(slowDone.counts().migrated()).isEqualTo(logs);
        assertThat(otherDone.complete())
                .as("the waiting worker saw the job finished")
                .isTrue();
        assertThat(otherDone.partitionsByThisWorker()).isZero();
        assertThat(otherDone.counts().read()).isZero();
        assertThat(otherDone.waitedForHeld()).isGreaterThan(LEASE);
        assertThat(day().claims()).as("claimed once, never taken over").isEqualTo(1);
        assertThat(day().state()).isEqualTo(PartitionState.DONE);
        assertThat(fixture.keys("tenant-a/logs/")).hasSize(logs);
        assertThat(healthy.verify(VerifyJob.of(DAY, DAY.plusDays(1))).allEqual())
                .isTrue();
    }

    private static MigrationJob job() {
        return MigrationJob.of(JOB, DAY, DAY.plusDays(1))
                .withIncludeUndated(false)
                .withLease(LEASE);
    }

    private PartitionStatus day() {
        return fixture.forward(Clock.systemUTC()).state().partitions(JOB).stream()
                .filter(status -> status.partition().equals(DAY.toString()))
                .findFirst()
                .orElseThrow();
    }

    /** A target whose writes all wait until the test lets them go, as a throttled S3 would hold them. */
    private final class HeldBackTarget implements LogTarget {
        private final LogTarget delegate;

        HeldBackTarget(LogTarget delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public TargetChecker checker(RequestGate gate) {
            return delegate.checker(gate);
        }

        @Override
        public void write(CodeLog log, RequestGate gate) {
            writing.countDown();
            try {
                if (!release.await(1, TimeUnit.MINUTES)) {
                    throw new AssertionError("the test never released the writes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            delegate.write(log, gate);
        }

        @Override
        public RequestCounts writeCost() {
            return delegate.writeCost();
        }

        @Override
        public long storedBytes(CodeLog log) {
            return delegate.storedBytes(log);
        }

        @Override
        public Optional<CodeLog> read(String id, RequestGate gate) {
            return delegate.read(id, gate);
        }
    }
}
