package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogJson;
import io.codelog.test.TestServers;
import io.codelog.testservers.ChildProcess;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The crash test repeated: worker JVMs of one job are killed with SIGKILL at five random points (immediately at
 * start, or after a random number of checkpoints), a new worker is started after each kill and takes over the
 * dead worker's partition, and a last worker completes the job. Verify then finds every log equal and the bucket
 * holds exactly one object and one pointer per log, each object the source's canonical JSON. The seed of the kill
 * points is printed; set {@code -Dcodelog.kill.seed=N} to replay one.
 */
@ExtendWith(TestServers.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RepeatedKillTest {

    private static final LocalDate FROM = LocalDate.of(2025, 5, 1);
    private static final int DAYS = 5;
    // 240 logs a day with a checkpoint every 50 (WorkerMain's): 5 progress lines a partition, about 26 in all,
    // more than the at most 4 x 4 that the kills consume, so every worker but the last dies mid-job.
    private static final int LOGS = 1_200;
    private static final int KILLS = 5;
    private static final int MOST_LINES_BEFORE_KILL = 4;
    private static final String JOB = "repeated-kill";

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

    @Test
    @DisplayName("five kill -9 at random points, a restart after each, then a last run: verify clean, one object"
            + " and one pointer per log, every object equal to its source")
    void survivesRepeatedKills(MongoTestServer mongo, S3TestServer s3) throws Exception {
        long seed = Long.getLong("codelog.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        int immediate = random.nextInt(KILLS);
        System.out.println("RepeatedKillTest seed " + seed + " (replay with -Dcodelog.kill.seed=" + seed + ")");

        long start = System.nanoTime();
        int stranded = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            int linesBeforeKill = kill == immediate ? 0 : 1 + random.nextInt(MOST_LINES_BEFORE_KILL);
            killAfter(mongo, s3, "worker-" + kill, linesBeforeKill);
            long claimed = claimedPartitions();
            System.out.printf(
                    "kill %d: after %d progress lines, %d partition(s) left claimed%n",
                    kill + 1, linesBeforeKill, claimed);
            stranded += (int) claimed;
            expireDeadLeases();
        }
        assertThat(stranded).as("kills that left a partition mid-copy").isPositive();

        long killsDone = System.nanoTime();
        String summary = runToEnd(mongo, s3);
        long finished = System.nanoTime();
        assertThat(summary).as("the last worker's summary").contains("\"complete\":true");

        MigrationEngine engine = fixture.forward(Clock.systemUTC());
        List<PartitionStatus> partitions = engine.state().partitions(JOB);
        assertThat(partitions)
                .as("the days and the partition of undated logs")
                .hasSize(DAYS + 1)
                .allSatisfy(status -> assertThat(status.state()).isEqualTo(PartitionState.DONE));
        assertThat(partitions.stream().mapToInt(PartitionStatus::claims).sum())
                .as("claims: one per partition and one per takeover of a killed worker's partition")
                .isEqualTo(partitions.size() + stranded);

        VerificationReport report = engine.verify(VerifyJob.of(FROM, FROM.plusDays(DAYS)));
        assertThat(report.checked()).isEqualTo(LOGS);
        assertThat(report.missingInTarget()).isZero();
        assertThat(report.different()).isZero();
        assertThat(report.unreadable()).isZero();
        assertThat(report.allEqual()).isTrue();

        List<String> objects = fixture.keys("tenant-a/logs/");
        assertThat(objects).hasSize(LOGS).doesNotHaveDuplicates();
        assertThat(fixture.keys("tenant-a/index/")).hasSize(LOGS);
        assertThat(fixture.keys("")).hasSize(2 * LOGS);
        long verified = System.nanoTime();
        assertEveryObjectIsItsSourcesJson(objects);
        System.out.printf(
                "RepeatedKillTest: kills %d ms, last run %d ms, verify %d ms, object bodies %d ms%n",
                (killsDone - start) / 1_000_000,
                (finished - killsDone) / 1_000_000,
                (verified - finished) / 1_000_000,
                (System.nanoTime() - verified) / 1_000_000);
    }

    /** Starts a worker, kills it with SIGKILL once it has printed this many progress lines, and waits for it. */
    private void killAfter(MongoTestServer mongo, S3TestServer s3, String owner, int lines) throws Exception {
        Process process;
        try (ChildProcess worker = WorkerProcess.start(fixture, mongo, s3, "256m", JOB, FROM, DAYS, 8, owner)) {
            process = worker.process();
            for (int seen = 0; seen < lines; ) {
                String line = worker.nextLine();
                assertThat(line)
                        .as("%s finished before its kill point of %d progress lines", owner, lines)
                        .isNotNull();
                if (line.startsWith("read ")) {
                    seen++;
                }
            }
            process.destroyForcibly();
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(process.exitValue()).as("%s killed by SIGKILL", owner).isEqualTo(137);
    }

    /** Runs a worker until it exits by itself and returns its summary line. */
    private String runToEnd(MongoTestServer mongo, S3TestServer s3) throws Exception {
        String summary = null;
        try (ChildProcess worker = WorkerProcess.start(fixture, mongo, s3, "256m", JOB, FROM, DAYS, 8, "finisher")) {
            for (String line = worker.nextLine(); line != null; line = worker.nextLine()) {
                if (line.startsWith("summary ")) {
                    summary = line;
                }
            }
            assertThat(worker.process().waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(worker.process().exitValue())
                    .as("the last worker's exit code")
                    .isZero();
        }
        return summary;
    }

    /** Partitions claimed under a lease still running: the one a worker just killed was copying, if any. */
    private long claimedPartitions() {
        return fixture.partitionsCollection().countDocuments(heldClaims());
    }

    /**
     * Ends the dead worker's lease now. The worker runs with the default two-minute lease on the real clock;
     * moving its expiry into the past is what waiting out those two minutes would do, without the wait.
     */
    private void expireDeadLeases() {
        fixture.partitionsCollection()
                .updateMany(
                        heldClaims(),
                        Updates.set(
                                MongoPartitionLedger.LEASE,
                                Date.from(Instant.now().minusSeconds(1))));
    }

    private static Bson heldClaims() {
        return Filters.and(
                Filters.eq(MongoPartitionLedger.KIND, MongoPartitionLedger.PARTITION),
                Filters.eq(MongoPartitionLedger.STATE, PartitionState.CLAIMED.name()),
                Filters.gt(MongoPartitionLedger.LEASE, new Date()));
    }

    private void assertEveryObjectIsItsSourcesJson(List<String> keys) {
        CodeLogJson json = new CodeLogJson();
        int checked = 0;
        for (String key : keys) {
            byte[] body = fixture.s3
                    .getObjectAsBytes(request -> request.bucket(fixture.bucket).key(key))
                    .asByteArray();
            CodeLog stored = json.read(body);
            CodeLog source = fixture.mongoRepository.findById(stored.id()).orElseThrow();
            assertThat(body).as("body of %s", key).isEqualTo(json.write(source));
            checked++;
        }
        assertThat(checked).isEqualTo(LOGS);
    }
}
