package io.codelog.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import io.codelog.migration.MigrationState;
import io.codelog.test.TestServers;
import io.codelog.testservers.ChildProcess;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runbook after a crash, as a user runs it: {@code codelog migrate} (or {@code rollback}) in its own JVM is
 * killed with SIGKILL while it copies the last day, and the same command is run again at once, before the dead
 * process's lease lapsed. The run waits for the lapse, says so, takes the day over and exits 0 only with the job
 * complete; a run told not to wait, or one that meets a live process, exits 5 naming the day, its holder and when
 * the lease lapses. Leases of a few seconds keep it quick.
 */
@ExtendWith(TestServers.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RunAgainAfterKillTest {

    private static final LocalDate FROM = LocalDate.of(2025, 9, 1);
    private static final int DAYS = 3;
    private static final int LOGS = 600;
    private static final int PER_DAY = LOGS / DAYS;
    private static final String LAST_DAY = FROM.plusDays(DAYS - 1).toString();
    private static final String[] RANGE = {"--from", FROM.toString(), "--to", LAST_DAY};
    private static final String[] SHORT_LEASE = {"--lease", "3s"};
    // The killed process's lease: long enough to outlast the start of the command run again on a busy machine,
    // so that the run meets it still running.
    private static final String[] KILLED_LEASE = {"--lease", "8s"};
    private static final String[] LINES = {"--progress", "lines", "--progress-interval", "100ms"};
    private static final Pattern PROGRESS = Pattern.compile("(\\d+)/(\\d+) days \\(\\d+%\\), ([\\d,]+) read");

    private CliStores stores;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        stores = new CliStores(mongo, s3);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    @DisplayName("migrate, kill -9, migrate again at once: it waits for the dead process's lease, exits 0; verify"
            + " exits 0; one object and one pointer per log; what the killed run wrote is skipped, not rewritten")
    void migrateAgainAtOnce(@TempDir Path folder) throws Exception {
        seedMongo();
        Killed killed = kill("migrate", MigrateCommand.DIRECTION);
        Map<String, Instant> writtenWhole = wholeLogObjects();
        long wholeLogs = writtenWhole.keySet().stream()
                .filter(key -> key.startsWith(CliStores.PREFIX + "/index/"))
                .count();
        long checkpointed = checkpointedWrites(killed.jobId());
        Path report = folder.resolve("again.json");

        Instant startedAgain = Instant.now();
        CliRun again = run("migrate", "--report", report.toString());

        assertThat(startedAgain).as("run again before the lease lapsed").isBefore(killed.leaseExpiresAt());
        assertThat(again.exitCode()).as(again.both()).isZero();
        assertThat(again.err())
                .as("the progress line while it waits")
                .contains("waiting for 1 day held by " + killed.owner() + " (" + LAST_DAY + ", lease lapses in ");
        assertThat(again.out())
                .contains("days done " + (DAYS + 1) + "/" + (DAYS + 1))
                .contains("waited ")
                .doesNotContain("not complete");
        JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(report));
        assertThat(summary.get("complete").asBoolean()).isTrue();
        assertThat(summary.get("waited_for_held_seconds").asDouble())
                .as("waited no longer than the dead process's lease had left")
                .isPositive()
                .isLessThanOrEqualTo(
                        Duration.between(startedAgain, killed.leaseExpiresAt()).toMillis() / 1000.0 + 1);
        assertThat(summary.get("counts").get("skipped").asLong())
                .as("logs the killed run wrote after its last checkpoint, found and skipped")
                .isGreaterThanOrEqualTo(wholeLogs - checkpointed);
        assertThat(summary.get("counts").get("migrated").asLong()).isLessThanOrEqualTo(LOGS - wholeLogs);

        CliRun verify = verify();
        assertThat(verify.exitCode()).as(verify.both()).isZero();
        assertThat(verify.out()).contains("checked 600: equal 600, 0 missing, 0 different, 0 unreadable");
        assertThat(stores.keys(CliStores.PREFIX + "/logs/")).hasSize(LOGS);
        assertThat(stores.keys(CliStores.PREFIX + "/index/")).hasSize(LOGS);
        Map<String, Instant> after = objects();
        assertThat(writtenWhole)
                .as("objects and pointers of the logs the killed run wrote whole: not written again")
                .allSatisfy((key, lastModified) -> assertThat(after).containsEntry(key, lastModified));
    }

    @Test
    @DisplayName("rollback, kill -9, rollback again at once: it waits for the lease, exits 0; verify s3-to-mongo"
            + " exits 0; one document per log")
    void rollbackAgainAtOnce(@TempDir Path folder) throws Exception {
        seedS3();
        Killed killed = kill("rollback", RollbackCommand.DIRECTION);
        long inMongo = stores.logs().countDocuments();
        Path report = folder.resolve("again.json");

        Instant startedAgain = Instant.now();
        CliRun again = run("rollback", "--report", report.toString());

        assertThat(startedAgain).as("run again before the lease lapsed").isBefore(killed.leaseExpiresAt());
        assertThat(again.exitCode()).as(again.both()).isZero();
        assertThat(again.err())
                .contains("s3-to-mongo: ")
                .contains("waiting for 1 day held by " + killed.owner() + " (" + LAST_DAY + ", lease lapses in ");
        assertThat(again.out()).contains("days done " + DAYS + "/" + DAYS).contains("waited ");
        JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(report));
        assertThat(summary.get("complete").asBoolean()).isTrue();
        assertThat(summary.get("counts").get("migrated").asLong())
                .as("written again: at most what the killed run had not written")
                .isLessThanOrEqualTo(LOGS - inMongo);

        CliRun verify = verify("--direction", "s3-to-mongo");
        assertThat(verify.exitCode()).as(verify.both()).isZero();
        assertThat(verify.out()).contains("checked 600: equal 600, 0 missing, 0 different, 0 unreadable");
        assertThat(stores.logs().countDocuments()).as("one document per log").isEqualTo(LOGS);
    }

    @Test
    @DisplayName("migrate, kill -9, verify --repair at once: verify holds no lease and does not wait; it copies what"
            + " the killed run had not, exits 0, and a later migrate finishes the job writing nothing")
    void verifyRepairAtOnce() throws Exception {
        seedMongo();
        kill("migrate", MigrateCommand.DIRECTION);

        CliRun repair = verify("--repair");
        CliRun verify = verify();
        CliRun migrate = run("migrate");

        assertThat(repair.exitCode()).as(repair.both()).isZero();
        assertThat(repair.out()).contains("repaired ");
        assertThat(verify.exitCode()).as(verify.both()).isZero();
        assertThat(verify.out()).contains("checked 600: equal 600, 0 missing, 0 different");
        assertThat(migrate.exitCode()).as(migrate.both()).isZero();
        assertThat(migrate.out()).contains(", written 0, ").contains("days done " + (DAYS + 1) + "/" + (DAYS + 1));
    }

    @Test
    @DisplayName("migrate --no-wait right after the kill exits 5 naming the day, the dead process and when its lease"
            + " lapses; without --no-wait it then finishes")
    void noWait() throws Exception {
        seedMongo();
        Killed killed = kill("migrate", MigrateCommand.DIRECTION);

        CliRun noWait = run("migrate", "--no-wait");

        assertThat(noWait.exitCode()).as(noWait.both()).isEqualTo(ExitCode.NOT_COMPLETE);
        assertThat(noWait.out())
                .contains("days done " + DAYS + "/" + (DAYS + 1))
                .contains("job " + killed.jobId() + " is not complete: 1 day still held by other workers")
                .contains(LAST_DAY + " held by " + killed.owner() + ": lease lapses at " + killed.leaseExpiresAt())
                .contains("--no-wait: this process did not wait for them");
        CliRun again = run("migrate");
        assertThat(again.exitCode()).as(again.both()).isZero();
        assertThat(verify().exitCode()).isZero();
    }

    @Test
    @DisplayName("two operators run the same migrate: the one left waiting for a day the other keeps renewing gives"
            + " up after --wait-for-held-days with exit 5, naming the day and the live holder")
    void liveHolder() throws Exception {
        seedMongo();
        Interruption stopFirst = new Interruption();
        CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(
                () -> CliRun.of(stores.environment(), Clock.systemUTC(), stopFirst, args("migrate", "--rate", "20")));
        Document held = awaitClaimedDay();

        CliRun second = run("migrate", "--wait-for-held-days", "3s");
        stopFirst.request();
        CliRun firstDone = first.get(2, TimeUnit.MINUTES);

        assertThat(second.exitCode()).as(second.both()).isEqualTo(ExitCode.NOT_COMPLETE);
        assertThat(second.err())
                .contains("waiting for 1 day held by " + held.getString("owner") + " (" + held.getString("partition")
                        + ", alive: renewing its lease; giving up in ");
        assertThat(second.out())
                .contains("is not complete: 1 day still held by other workers")
                .contains(held.getString("partition") + " held by " + held.getString("owner") + ": lease lapses at ")
                .contains("renewed while this process waited: that worker is alive")
                .contains("another process is copying them (waited ");
        assertThat(firstDone.exitCode()).as(firstDone.both()).isEqualTo(ExitCode.INTERRUPTED);
        CliRun third = run("migrate");
        assertThat(third.exitCode()).as(third.both()).isZero();
        assertThat(verify().exitCode()).isZero();
    }

    /** The dead process, and its claim on the last day as the ledger holds it after the kill. */
    private record Killed(String jobId, String owner, Instant leaseExpiresAt) {}

    /**
     * Runs the command in a JVM of its own with a lease of 8 seconds, kills it with SIGKILL once its progress line
     * shows it copying the last day, and returns that day's claim, which must not have lapsed yet.
     */
    private Killed kill(String command, String direction) throws Exception {
        Process process;
        int read = -1;
        String[] args = Stream.of(new String[] {command}, RANGE, KILLED_LEASE, LINES)
                .flatMap(Arrays::stream)
                .toArray(String[]::new);
        try (ChildProcess child = CliProcess.start(command, stores.environment(), args)) {
            process = child.process();
            for (String line = child.nextLine(); line != null; line = child.nextLine()) {
                Matcher progress = PROGRESS.matcher(line);
                if (progress.find()
                        && Integer.parseInt(progress.group(1)) == DAYS - 1
                        && (read = Integer.parseInt(progress.group(3).replace(",", ""))) > (DAYS - 1) * PER_DAY + 20) {
                    break;
                }
            }
            process.destroyForcibly();
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(read)
                .as("%s reached the last day before it was killed; see target/cli-%s.out", command, command)
                .isGreaterThan((DAYS - 1) * PER_DAY);
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        String jobId = direction + "_" + FROM + "_" + LAST_DAY;
        Document day = stores.collection(MigrationState.PARTITIONS)
                .find(Filters.eq("_id", jobId + "/" + LAST_DAY))
                .first();
        assertThat(day).isNotNull();
        assertThat(day.getString("state")).isEqualTo("CLAIMED");
        Instant leaseExpiresAt = day.getDate("lease_expires_at").toInstant();
        assertThat(leaseExpiresAt).as("the dead process's lease still runs").isAfter(Instant.now());
        return new Killed(jobId, day.getString("owner"), leaseExpiresAt);
    }

    private Document awaitClaimedDay() {
        return await("the first operator claims a day")
                .atMost(Duration.ofMinutes(1))
                .until(
                        () -> stores.collection(MigrationState.PARTITIONS)
                                .find(Filters.eq("state", "CLAIMED"))
                                .first(),
                        Objects::nonNull);
    }

    /**
     * Logs written to the bucket whole, by key: their object and their pointer, which the store PUTs at the same
     * moment, so a kill can leave either without the other.
     */
    private Map<String, Instant> wholeLogObjects() {
        Map<String, Instant> objects = objects();
        String pointers = CliStores.PREFIX + "/index/";
        String logs = CliStores.PREFIX + "/logs/";
        Set<String> whole = new HashSet<>();
        Set<String> logNames = new HashSet<>();
        objects.keySet().forEach(key -> {
            String name = key.substring(key.lastIndexOf('/') + 1);
            if (key.startsWith(pointers)) {
                whole.add(name);
            } else if (key.startsWith(logs)) {
                logNames.add(name);
            }
        });
        whole.retainAll(logNames);
        Map<String, Instant> written = new HashMap<>();
        objects.forEach((key, lastModified) -> {
            if (whole.contains(key.substring(key.lastIndexOf('/') + 1))) {
                written.put(key, lastModified);
            }
        });
        return written;
    }

    private Map<String, Instant> objects() {
        Map<String, Instant> objects = new HashMap<>();
        stores.s3.listObjectsV2Paginator(request -> request.bucket(stores.bucket)).contents().stream()
                .forEach((S3Object object) -> objects.put(object.key(), object.lastModified()));
        return objects;
    }

    /** The logs the ledger counts as written at the checkpoints saved before the kill. */
    private long checkpointedWrites(String jobId) {
        List<Document> partitions = stores.collection(MigrationState.PARTITIONS)
                .find(Filters.and(Filters.eq("job_id", jobId), Filters.eq("kind", "partition")))
                .into(new ArrayList<>());
        return partitions.stream()
                .mapToLong(partition -> partition
                        .get("counts", Document.class)
                        .get("migrated", Number.class)
                        .longValue())
                .sum();
    }

    private void seedMongo() {
        new DemoHistory(13).seed(stores.logs(), FROM, DAYS, LOGS);
        for (int day = 0; day < DAYS; day++) {
            assertThat(stores.logs()
                            .countDocuments(Filters.and(
                                    Filters.gte("created_at", java.util.Date.from(start(day))),
                                    Filters.lt("created_at", java.util.Date.from(start(day + 1))))))
                    .as("logs of day %d", day)
                    .isEqualTo(PER_DAY);
        }
    }

    private void seedS3() {
        Random random = new Random(23);
        String run = new ObjectId().toHexString();
        for (int i = 0; i < LOGS; i++) {
            Instant created = start(i % DAYS).plusNanos(random.nextLong(86_400_000_000_000L));
            String id = i % 2 == 0
                    ? new UUID(random.nextLong(), random.nextLong()).toString()
                    : new ObjectId(java.util.Date.from(created), i).toHexString();
            stores.s3Repository.put(
                    new CodeLog(id, run, run, LogType.INFO, "rolled back " + i, created, created.plusMillis(i)));
        }
    }

    private static Instant start(int day) {
        return FROM.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A copy command ({@code migrate}, {@code rollback}) with the short lease and progress lines. */
    private CliRun run(String command, String... extra) {
        return CliRun.of(stores.environment(), args(command, extra));
    }

    private CliRun verify(String... extra) {
        return CliRun.of(
                stores.environment(),
                Stream.of(new String[] {"verify"}, RANGE, extra)
                        .flatMap(Arrays::stream)
                        .toArray(String[]::new));
    }

    /** The copy command over the range with the short lease and progress lines, then {@code extra}. */
    private static String[] args(String command, String... extra) {
        return Stream.of(new String[] {command}, RANGE, SHORT_LEASE, LINES, extra)
                .flatMap(Arrays::stream)
                .toArray(String[]::new);
    }
}
