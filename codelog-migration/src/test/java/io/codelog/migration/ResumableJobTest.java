package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cancelling and resuming a job, sharing it between two workers, and taking over a dead worker's partition. */
@ExtendWith(TestServers.class)
class ResumableJobTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 10);
    private static final int DAYS = 6;
    private static final int LOGS = 1_200;

    private final MutableClock clock = MutableClock.at("2025-03-01T00:00:00Z");
    private MigrationFixture fixture;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
        new LogSeeder(7).seed(fixture.logs(), FROM, DAYS, LOGS);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private MigrationJob job(String id) {
        return MigrationJob.of(id, FROM, FROM.plusDays(DAYS))
                .withConcurrency(8)
                .withCheckpointEvery(100)
                .withLease(Duration.ofMinutes(1));
    }

    @Test
    @DisplayName("a run cancelled mid-way resumes from its checkpoint: every object is PUT once, and a full run"
            + " afterwards PUTs nothing")
    void cancelAndResume() {
        AtomicReference<MigrationRun> first = new AtomicReference<>();
        MigrationListener cancelMidDay = new MigrationListener() {
            @Override
            public void onProgress(MigrationProgress progress) {
                // 200 logs a day and a checkpoint every 50: the first checkpoint past 520 falls inside the third day.
                if (progress.counts().read() >= 520) {
                    first.get().cancel();
                }
            }
        };
        first.set(fixture.forward(clock).migrate(job("resume").withCheckpointEvery(50), cancelMidDay));

        MigrationSummary cancelled = first.get().call();

        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.complete()).isFalse();
        assertThat(cancelled.counts().read()).isBetween(520L, 520L + 2 * 8 + 50);
        List<PartitionStatus> afterCancel = fixture.forward(clock).state().partitions("resume");
        PartitionStatus givenBack = afterCancel.stream()
                .filter(status -> status.state() == PartitionState.PENDING && status.lastPosition() != null)
                .findFirst()
                .orElseThrow();
        assertThat(givenBack.owner()).isEqualTo(cancelled.owner());
        assertThat(givenBack.counts().read()).isPositive();

        MigrationSummary resumed = fixture.forward(clock)
                .migrate(job("resume"), MigrationListener.none())
                .call();

        assertThat(resumed.complete()).isTrue();
        assertThat(fixture.counter.count("PutObject")).isEqualTo(2L * LOGS);
        assertThat(fixture.putsOfAnyKeyAbove(1)).isZero();
        assertThat(fixture.keys("tenant-a/logs/")).hasSize(LOGS);
        long checkpointed = fixture.forward(clock).state().partitions("resume").stream()
                .mapToLong(status -> status.counts().migrated())
                .sum();
        assertThat(checkpointed).isEqualTo(LOGS);

        fixture.resetCounts();
        MigrationSummary sameJobAgain = fixture.forward(clock)
                .migrate(job("resume"), MigrationListener.none())
                .call();
        assertThat(sameJobAgain.counts().read()).isZero();
        assertThat(fixture.counter.total()).isZero();

        MigrationSummary newJob = fixture.forward(clock)
                .migrate(job("resume-again"), MigrationListener.none())
                .call();
        assertThat(newJob.counts()).isEqualTo(new PartitionCounts(LOGS, 0, LOGS, 0));
        assertThat(fixture.counter.count("PutObject")).isZero();
        assertThat(fixture.counter.count("HeadObject")).isEqualTo(LOGS);
    }

    @Test
    @DisplayName("two workers of one job share its partitions: each partition is claimed and done exactly once")
    void twoWorkersShareAJob() throws Exception {
        CountDownLatch bothWorking = new CountDownLatch(2);
        MigrationRun a =
                fixture.forward(clock).migrate(job("shared").withOwner("worker-a"), meetAtFirstCheckpoint(bothWorking));
        MigrationRun b =
                fixture.forward(clock).migrate(job("shared").withOwner("worker-b"), meetAtFirstCheckpoint(bothWorking));

        // A thread each: they wait for each other, and on a 2-CPU machine Java 25's common pool has one worker.
        ExecutorService workers = Executors.newFixedThreadPool(2);
        MigrationSummary summaryA;
        MigrationSummary summaryB;
        try {
            CompletableFuture<MigrationSummary> ranA = CompletableFuture.supplyAsync(a::call, workers);
            CompletableFuture<MigrationSummary> ranB = CompletableFuture.supplyAsync(b::call, workers);
            summaryA = ranA.get(3, TimeUnit.MINUTES);
            summaryB = ranB.get(3, TimeUnit.MINUTES);
        } finally {
            workers.shutdownNow();
        }

        assertThat(summaryA.complete() || summaryB.complete())
                .as("the worker that finished last saw every partition done")
                .isTrue();
        assertThat(summaryA.partitionsByThisWorker()).isPositive();
        assertThat(summaryB.partitionsByThisWorker()).isPositive();
        assertThat(summaryA.partitionsByThisWorker() + summaryB.partitionsByThisWorker())
                .isEqualTo(DAYS + 1);
        assertThat(summaryA.counts().read() + summaryB.counts().read()).isEqualTo(LOGS);
        List<PartitionStatus> partitions = fixture.forward(clock).state().partitions("shared");
        assertThat(partitions).hasSize(DAYS + 1).allSatisfy(status -> {
            assertThat(status.state()).isEqualTo(PartitionState.DONE);
            assertThat(status.claims()).isEqualTo(1);
            assertThat(status.owner()).isIn("worker-a", "worker-b");
        });
        assertThat(fixture.counter.count("PutObject")).isEqualTo(2L * LOGS);
        assertThat(fixture.putsOfAnyKeyAbove(1)).isZero();
    }

    @Test
    @DisplayName("a dead worker's partition is left alone while its lease runs (a run told not to wait names it) and"
            + " taken over once it expired")
    void expiredLeaseIsTakenOver() {
        MigrationEngine engine = fixture.forward(clock);
        MongoPartitionLedger ledger = engine.state().ledger("takeover");
        ledger.register(
                new JobDefinition("takeover", "mongo", "s3", FROM, FROM.plusDays(DAYS)),
                engine.source().partitions(FROM, FROM.plusDays(DAYS), true));
        ClaimedPartition dead = ledger.claim("dead-worker", clock.instant(), Duration.ofMinutes(1))
                .orElseThrow();
        assertThat(dead.partition()).isEqualTo(FROM.toString());

        MigrationSummary whileAlive = engine.migrate(
                        job("takeover").withWaitForHeld(Duration.ZERO), MigrationListener.none())
                .call();

        assertThat(whileAlive.complete()).isFalse();
        assertThat(whileAlive.partitionsDone()).isEqualTo(DAYS);
        assertThat(whileAlive.heldByOthers())
                .as("told not to wait, it names the day still held, its holder and when the lease lapses")
                .containsExactly(new HeldPartition(
                        FROM.toString(), "dead-worker", clock.instant().plus(Duration.ofMinutes(1)), false));
        assertThat(status("takeover", FROM.toString()).owner()).isEqualTo("dead-worker");

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        MigrationSummary afterExpiry = engine.migrate(job("takeover").withOwner("rescuer"), MigrationListener.none())
                .call();

        assertThat(afterExpiry.complete()).isTrue();
        assertThat(afterExpiry.partitionsByThisWorker()).isEqualTo(1);
        PartitionStatus rescued = status("takeover", FROM.toString());
        assertThat(rescued.state()).isEqualTo(PartitionState.DONE);
        assertThat(rescued.owner()).isEqualTo("rescuer");
        assertThat(rescued.claims()).isEqualTo(2);
        assertThat(ledger.checkpoint(
                        dead.partition(), "dead-worker", dead.resumeFrom(), clock.instant(), Duration.ofMinutes(1)))
                .as("the dead worker's late checkpoint is refused")
                .isFalse();
        assertThat(engine.verify(VerifyJob.of(FROM, FROM.plusDays(DAYS))).allEqual())
                .isTrue();
    }

    @Test
    @DisplayName("a checkpoint renews the lease, so a live worker keeps its partition past the first expiry")
    void checkpointRenewsTheLease() {
        MongoPartitionLedger ledger = fixture.forward(clock).state().ledger("renew");
        ledger.register(new JobDefinition("renew", "mongo", "s3", FROM, FROM.plusDays(1)), List.of("2025-01-10"));
        Instant start = clock.instant();
        ClaimedPartition claim =
                ledger.claim("live", start, Duration.ofMinutes(1)).orElseThrow();

        assertThat(ledger.checkpoint(
                        claim.partition(), "live", claim.resumeFrom(), start.plusSeconds(50), Duration.ofMinutes(1)))
                .isTrue();

        assertThat(ledger.claim("other", start.plusSeconds(90), Duration.ofMinutes(1)))
                .isEmpty();
        assertThat(ledger.claim("other", start.plusSeconds(111), Duration.ofMinutes(1)))
                .isPresent();
        assertThat(ledger.checkpoint(
                        claim.partition(), "live", claim.resumeFrom(), start.plusSeconds(112), Duration.ofMinutes(1)))
                .isFalse();
    }

    private PartitionStatus status(String jobId, String partition) {
        return fixture.forward(clock).state().partitions(jobId).stream()
                .filter(status -> status.partition().equals(partition))
                .findFirst()
                .orElseThrow();
    }

    /** Holds a worker at its first checkpoint until the other worker reaches its own, so both hold a partition. */
    private static MigrationListener meetAtFirstCheckpoint(CountDownLatch bothWorking) {
        return new MigrationListener() {
            private boolean arrived;

            @Override
            public void onProgress(MigrationProgress progress) {
                if (!arrived) {
                    arrived = true;
                    bothWorking.countDown();
                    await(bothWorking);
                }
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(2, TimeUnit.MINUTES)) {
                throw new AssertionError("the other worker never reached its first checkpoint");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
