package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run with nothing left to claim while other workers hold days: it waits for a dead worker's lease to lapse
 * and takes the day over; it waits for a live worker (one that keeps renewing its lease) only up to the job's
 * limit, then ends with the job not complete and names the day; cancelled while waiting, it stops at once. On the
 * real clock, with three-second leases.
 */
@ExtendWith(TestServers.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WaitForHeldTest {

    private static final LocalDate FROM = LocalDate.of(2025, 8, 1);
    private static final int DAYS = 2;
    private static final int LOGS = 100;
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final String JOB = "wait-for-held";

    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor();
    private final List<MigrationProgress> waits = new CopyOnWriteArrayList<>();
    private MigrationFixture fixture;
    private MigrationEngine engine;
    private MongoPartitionLedger ledger;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
        new LogSeeder(11).seed(fixture.logs(), FROM, DAYS, LOGS);
        engine = fixture.forward(Clock.systemUTC());
        ledger = engine.state().ledger(JOB);
        ledger.register(
                new JobDefinition(JOB, "mongo", "s3", FROM, FROM.plusDays(DAYS)),
                engine.source().partitions(FROM, FROM.plusDays(DAYS), false));
    }

    @AfterEach
    void tearDown() {
        renewer.shutdownNow();
        fixture.close();
    }

    @Test
    @DisplayName("a dead worker's day: the run says it waits, with the lease's expiry, and takes the day over when"
            + " it lapses")
    void deadWorkersDayIsTakenOver() {
        Instant claimedAt = Instant.now();
        ledger.claim("dead-worker", claimedAt, LEASE).orElseThrow();

        MigrationSummary summary =
                engine.migrate(job("successor"), recordWaits()).call();

        assertThat(summary.complete()).isTrue();
        assertThat(summary.heldByOthers()).isEmpty();
        assertThat(summary.partitionsByThisWorker()).isEqualTo(DAYS);
        assertThat(summary.counts().migrated()).isEqualTo(LOGS);
        assertThat(waits).isNotEmpty().allSatisfy(progress -> {
            assertThat(progress.waitingFor())
                    .containsExactly(
                            new HeldPartition(FROM.toString(), "dead-worker", millis(claimedAt.plus(LEASE)), false));
            assertThat(progress.giveUpAt()).as("no live holder to give up on").isNull();
        });
        assertThat(summary.waitedForHeld())
                .as("waited for the lapse, no longer than the lease")
                .isPositive()
                .isLessThanOrEqualTo(LEASE.plusSeconds(1));
        assertThat(day().owner()).isEqualTo("successor");
        assertThat(day().claims()).isEqualTo(2);
        assertThat(engine.verify(VerifyJob.of(FROM, FROM.plusDays(DAYS))).allEqual())
                .isTrue();
    }

    @Test
    @DisplayName("a live worker's day: waited for up to the limit, then the run ends not complete and names the"
            + " day, the holder and its lease; once that worker is gone, the next run finishes the job")
    void liveWorkersDayIsNamed() {
        ClaimedPartition live =
                ledger.claim("live-worker", Instant.now(), LEASE).orElseThrow();
        renewer.scheduleAtFixedRate(
                () -> ledger.checkpoint(live.partition(), "live-worker", live.resumeFrom(), Instant.now(), LEASE),
                300,
                300,
                TimeUnit.MILLISECONDS);

        MigrationSummary summary = engine.migrate(
                        job("impatient").withWaitForHeld(Duration.ofSeconds(2)), recordWaits())
                .call();

        assertThat(summary.complete()).isFalse();
        assertThat(summary.cancelled()).isFalse();
        assertThat(summary.partitionsDone()).isEqualTo(DAYS - 1);
        assertThat(summary.heldByOthers()).singleElement().satisfies(held -> {
            assertThat(held.partition()).isEqualTo(FROM.toString());
            assertThat(held.owner()).isEqualTo("live-worker");
            assertThat(held.renewed()).as("seen renewed: alive").isTrue();
            assertThat(held.leaseExpiresAt()).isAfter(Instant.now());
        });
        assertThat(summary.waitedForHeld()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(waits).anySatisfy(progress -> assertThat(progress.giveUpAt()).isNotNull());
        assertThat(summary.toJson())
                .contains("\"held_by_others\":[{\"partition\":\"" + FROM + "\",\"owner\":\"live-worker\"");

        renewer.shutdownNow();
        MigrationSummary after =
                engine.migrate(job("finisher"), MigrationListener.none()).call();

        assertThat(after.complete()).isTrue();
        assertThat(after.partitionsByThisWorker()).isEqualTo(1);
    }

    @Test
    @DisplayName("cancelled while it waits for a lease, the run stops at once and names what it waited for")
    void cancelWhileWaiting() {
        ledger.claim("dead-worker", Instant.now(), Duration.ofMinutes(1)).orElseThrow();
        AtomicReference<MigrationRun> run = new AtomicReference<>();
        run.set(engine.migrate(job("cancelled"), new MigrationListener() {
            @Override
            public void onProgress(MigrationProgress progress) {
                if (!progress.waitingFor().isEmpty()) {
                    run.get().cancel();
                }
            }
        }));

        long start = System.nanoTime();
        MigrationSummary summary = run.get().call();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(summary.cancelled()).isTrue();
        assertThat(summary.complete()).isFalse();
        assertThat(summary.heldByOthers()).extracting(HeldPartition::owner).containsExactly("dead-worker");
    }

    private static MigrationJob job(String owner) {
        return MigrationJob.of(JOB, FROM, FROM.plusDays(DAYS))
                .withIncludeUndated(false)
                .withLease(LEASE)
                .withOwner(owner);
    }

    private MigrationListener recordWaits() {
        return new MigrationListener() {
            @Override
            public void onProgress(MigrationProgress progress) {
                if (!progress.waitingFor().isEmpty()) {
                    waits.add(progress);
                }
            }
        };
    }

    private PartitionStatus day() {
        return engine.state().partitions(JOB).stream()
                .filter(status -> status.partition().equals(FROM.toString()))
                .findFirst()
                .orElseThrow();
    }

    /** MongoDB keeps dates to the millisecond. */
    private static Instant millis(Instant instant) {
        return Instant.ofEpochMilli(instant.toEpochMilli());
    }
}
