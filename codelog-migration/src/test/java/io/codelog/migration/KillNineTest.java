package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.ChildProcess;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker in another JVM is killed with SIGKILL in the middle of a partition; a worker started afterwards
 * finishes the job with nothing missing and nothing extra: one started once the dead worker's lease has expired,
 * and one started at once, which waits for that lease to lapse (in both directions, with the short lease of a
 * test), skipping what the killed worker wrote instead of writing it again.
 */
@ExtendWith(TestServers.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KillNineTest {

    private static final LocalDate FROM = LocalDate.of(2025, 2, 1);
    private static final int DAYS = 4;
    private static final int LOGS = 1_200;
    private static final int KILL_AFTER = 400;
    // 300 logs a day: a worker that has read this many is copying the last day, so that a run started at once
    // has nothing else to do and meets the dead worker's lease.
    private static final int KILL_IN_LAST_DAY = LOGS - LOGS / DAYS + 50;
    // Long enough that a loaded machine still starts the run again before the dead worker's lease lapses.
    private static final Duration SHORT_LEASE = Duration.ofSeconds(8);

    private MigrationFixture fixture;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("kill -9 mid-partition, then run again: the job completes, verify finds everything equal, and"
            + " the bucket holds exactly one object and one pointer per log")
    void killedWorkerIsResumed(MongoTestServer mongo, S3TestServer s3) throws Exception {
        new LogSeeder(99).seed(fixture.logs(), FROM, DAYS, LOGS);
        int lastRead = 0;
        Process worker;
        try (ChildProcess child =
                WorkerProcess.start(fixture, mongo, s3, "256m", "killed", FROM, DAYS, 8, "doomed-worker")) {
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

    @Test
    @DisplayName("migrate: kill -9 mid-day and the same job run again at once, before the dead worker's lease"
            + " lapsed: the run waits for the lapse, takes the day over and completes; verify is clean, one object"
            + " and one pointer per log, and the killed run's writes are skipped, not rewritten")
    void migrateRunAgainAtOnce(MongoTestServer mongo, S3TestServer s3) throws Exception {
        new LogSeeder(99).seed(fixture.logs(), FROM, DAYS, LOGS);
        String job = "rerun-migrate";

        PartitionStatus held = killInLastDay(mongo, s3, job, WorkerMain.MONGO_TO_S3);
        // The store PUTs a log's object and its pointer at the same moment: a log with both was written whole.
        Set<String> writtenBeforeKill = idsOfKeys("tenant-a/index/");
        writtenBeforeKill.retainAll(idsOfKeys("tenant-a/logs/"));
        Rerun rerun = runAgainAtOnce(fixture.forward(Clock.systemUTC()), job, held);

        assertRerunFinished(rerun, held, writtenBeforeKill, job);
        VerificationReport report = fixture.forward(Clock.systemUTC()).verify(VerifyJob.of(FROM, FROM.plusDays(DAYS)));
        assertThat(report.checked()).isEqualTo(LOGS);
        assertThat(report.allEqual()).isTrue();
        assertThat(fixture.keys("tenant-a/logs/")).hasSize(LOGS).doesNotHaveDuplicates();
        assertThat(fixture.keys("tenant-a/index/")).hasSize(LOGS);
        assertThat(fixture.keys("")).hasSize(2 * LOGS);
        assertThat(fixture.putsOfAnyKeyAbove(1))
                .as("keys the run again PUT more than once")
                .isZero();
    }

    @Test
    @DisplayName("rollback: kill -9 mid-day and the same job run again at once: the run waits for the lapse and"
            + " completes; verify s3-to-mongo is clean, one document per log, the killed run's writes skipped")
    void rollbackRunAgainAtOnce(MongoTestServer mongo, S3TestServer s3) throws Exception {
        Random random = new Random(5);
        for (int i = 0; i < LOGS; i++) {
            Instant created = FROM.plusDays(i % DAYS)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .plusNanos(random.nextLong(86_400_000_000_000L));
            String id = i % 3 == 0
                    ? new UUID(random.nextLong(), random.nextLong()).toString()
                    : new ObjectId(Date.from(created), i).toHexString();
            fixture.s3Repository.put(new CodeLog(
                    id,
                    "65f1a2b3c4d5e6f708192a3b",
                    "65f1a2b3c4d5e6f708192a3c",
                    LogType.INFO,
                    "rolled back " + i,
                    created,
                    created.plusMillis(i)));
        }
        String job = "rerun-rollback";

        PartitionStatus held = killInLastDay(mongo, s3, job, WorkerMain.S3_TO_MONGO);
        Set<String> writtenBeforeKill = new HashSet<>();
        fixture.logs()
                .find()
                .projection(new Document("_id", 1))
                .forEach(document -> writtenBeforeKill.add(String.valueOf(document.get("_id"))));
        Rerun rerun = runAgainAtOnce(fixture.rollback(Clock.systemUTC()), job, held);

        assertRerunFinished(rerun, held, writtenBeforeKill, job);
        VerificationReport report = fixture.rollback(Clock.systemUTC()).verify(VerifyJob.of(FROM, FROM.plusDays(DAYS)));
        assertThat(report.checked()).isEqualTo(LOGS);
        assertThat(report.allEqual()).isTrue();
        assertThat(fixture.logs().countDocuments()).as("one document per log").isEqualTo(LOGS);
    }

    /**
     * Starts a worker with the short lease, kills it with SIGKILL once it copies the last day, and returns that
     * day as the ledger holds it: claimed by the dead worker under a lease that has not lapsed.
     */
    private PartitionStatus killInLastDay(MongoTestServer mongo, S3TestServer s3, String job, String direction)
            throws Exception {
        int lastRead = 0;
        Process worker;
        try (ChildProcess child = WorkerProcess.start(
                fixture, mongo, s3, "256m", job, FROM, DAYS, 8, "doomed-worker", SHORT_LEASE, direction)) {
            worker = child.process();
            String line;
            while (lastRead < KILL_IN_LAST_DAY && (line = child.nextLine()) != null) {
                if (line.startsWith("read ")) {
                    lastRead = Integer.parseInt(line.substring(5));
                }
            }
            worker.destroyForcibly();
            assertThat(worker.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(lastRead)
                .as("the worker reached the last day before it was killed")
                .isGreaterThanOrEqualTo(KILL_IN_LAST_DAY);
        assertThat(worker.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        List<PartitionStatus> claimed = fixture.forward(Clock.systemUTC()).state().partitions(job).stream()
                .filter(status -> status.state() == PartitionState.CLAIMED)
                .toList();
        assertThat(claimed).singleElement().satisfies(status -> {
            assertThat(status.partition()).isEqualTo(FROM.plusDays(DAYS - 1).toString());
            assertThat(status.owner()).isEqualTo("doomed-worker");
        });
        return claimed.get(0);
    }

    /** The log ids in the names of the keys under a prefix ({@code .../{id}.json}). */
    private Set<String> idsOfKeys(String prefix) {
        Set<String> ids = new HashSet<>();
        for (String key : fixture.keys(prefix)) {
            ids.add(key.substring(key.lastIndexOf('/') + 1, key.length() - ".json".length()));
        }
        return ids;
    }

    /** What the run started at once did, wrote, and showed while it waited. */
    private record Rerun(
            MigrationSummary summary,
            Set<String> written,
            List<MigrationProgress> waits,
            long checkpointedBeforeKill,
            Instant startedAt) {}

    /** Runs the job again in this JVM, at once, as a new worker with the same settings. */
    private Rerun runAgainAtOnce(MigrationEngine base, String job, PartitionStatus held) {
        long checkpointed = base.state().partitions(job).stream()
                .mapToLong(status -> status.counts().migrated())
                .sum();
        Set<String> written = ConcurrentHashMap.newKeySet();
        List<MigrationProgress> waits = new CopyOnWriteArrayList<>();
        MigrationEngine engine = new MigrationEngine(
                base.source(), new RecordingTarget(base.target(), written), base.state(), Clock.systemUTC());
        MigrationListener listener = new MigrationListener() {
            @Override
            public void onProgress(MigrationProgress progress) {
                if (!progress.waitingFor().isEmpty()) {
                    waits.add(progress);
                }
            }
        };
        fixture.resetCounts();
        Instant startedAt = Instant.now();
        MigrationSummary summary = engine.migrate(
                        MigrationJob.of(job, FROM, FROM.plusDays(DAYS))
                                .withConcurrency(8)
                                .withCheckpointEvery(50)
                                .withLease(SHORT_LEASE)
                                .withOwner("run-again"),
                        listener)
                .call();
        return new Rerun(summary, written, waits, checkpointed, startedAt);
    }

    private void assertRerunFinished(Rerun rerun, PartitionStatus held, Set<String> writtenBeforeKill, String job) {
        MigrationSummary summary = rerun.summary();
        System.out.printf(
                "%s: killed run wrote %d logs whole (%d checkpointed); run again at once waited %d ms for %s,"
                        + " read %d, wrote %d, skipped %d%n",
                job,
                writtenBeforeKill.size(),
                rerun.checkpointedBeforeKill(),
                summary.waitedForHeld().toMillis(),
                held.partition(),
                summary.counts().read(),
                summary.counts().migrated(),
                summary.counts().skipped());
        assertThat(rerun.startedAt())
                .as("started before the dead worker's lease lapsed")
                .isBefore(held.leaseExpiresAt());
        assertThat(summary.complete()).as("the job is complete").isTrue();
        assertThat(summary.heldByOthers()).isEmpty();
        assertThat(rerun.waits())
                .as("while it waited it named the day, the dead worker and the lease's expiry")
                .isNotEmpty()
                .allSatisfy(progress -> assertThat(progress.waitingFor())
                        .containsExactly(
                                new HeldPartition(held.partition(), "doomed-worker", held.leaseExpiresAt(), false)));
        assertThat(summary.waitedForHeld()).isPositive().isLessThanOrEqualTo(SHORT_LEASE.plusSeconds(1));
        PartitionStatus takenOver = fixture.forward(Clock.systemUTC()).state().partitions(job).stream()
                .filter(status -> status.partition().equals(held.partition()))
                .findFirst()
                .orElseThrow();
        assertThat(takenOver.owner()).isEqualTo("run-again");
        assertThat(takenOver.claims()).isEqualTo(2);
        assertThat(rerun.written())
                .as("logs the killed run wrote whole, written again")
                .doesNotContainAnyElementsOf(writtenBeforeKill);
        assertThat(summary.counts().skipped())
                .as("the killed run's writes after its last checkpoint, found in the target and skipped")
                .isGreaterThanOrEqualTo(writtenBeforeKill.size() - rerun.checkpointedBeforeKill());
        assertThat(summary.counts().migrated()).isEqualTo(rerun.written().size());
        assertThat(summary.counts().quarantined()).isZero();
    }

    /** A target that records the id of every log it writes. */
    private record RecordingTarget(LogTarget delegate, Set<String> written) implements LogTarget {
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
            delegate.write(log, gate);
            written.add(log.id());
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
