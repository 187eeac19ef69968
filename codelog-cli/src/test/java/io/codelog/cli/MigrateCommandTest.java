package io.codelog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.migration.MigrationState;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code codelog migrate} end to end, through the entry point, on real MongoDB- and S3-protocol servers. */
@ExtendWith(TestServers.class)
class MigrateCommandTest {

    private static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    private static final int DAYS = 5;
    private static final int LOGS = 400;
    private static final String[] RANGE = {"--from", "2025-03-01", "--to", "2025-03-05"};

    private CliStores stores;

    @BeforeEach
    void seed(MongoTestServer mongo, S3TestServer s3) {
        stores = new CliStores(mongo, s3);
        new DemoHistory(7).seed(stores.logs(), FROM, DAYS, LOGS);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    @DisplayName("copies every log of the range to S3 under the store's keys, writes the JSON report, exits 0")
    void migrates(@TempDir Path folder) throws Exception {
        Path report = folder.resolve("summary.json");

        CliRun run = migrate("--report", report.toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out())
                .contains("migrate MongoDB database " + stores.database + ", collection codelog -> S3 bucket "
                        + stores.bucket
                        + ", prefix tenant, days 2025-03-01..2025-03-05, job mongo-to-s3_2025-03-01_2025-03-05")
                .contains("read 400, written 400, already there 0, quarantined 0");
        assertThat(run.err()).contains("mongo-to-s3: 6/6 days (100%), 400 read, 400 written");
        assertThat(stores.keys(CliStores.PREFIX + "/logs/")).hasSize(LOGS);
        assertThat(stores.keys(CliStores.PREFIX + "/index/")).hasSize(LOGS);

        JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(report));
        assertThat(summary.get("complete").asBoolean()).isTrue();
        assertThat(summary.get("counts").get("read").asLong()).isEqualTo(LOGS);
        assertThat(summary.get("counts").get("migrated").asLong()).isEqualTo(LOGS);
        assertThat(summary.get("requests").get("s3_put").asLong()).isEqualTo(2L * LOGS);
        assertThat(summary.get("partitions_total").asLong()).isEqualTo(DAYS + 1);
    }

    @Test
    @DisplayName("with FLOWS_CODE_ACTIONS_S3_ID_INDEX=mongo every copied log gets its entry in MongoDB, no pointer"
            + " object; a new job with --codelog.s3.id-index=mongo finds log and entry there and skips them")
    void mongoIdIndex(@TempDir Path folder) throws Exception {
        Path report = folder.resolve("summary.json");

        CliRun run = CliRun.of(
                stores.environment("FLOWS_CODE_ACTIONS_S3_ID_INDEX", "mongo"), args("--report", report.toString()));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("read 400, written 400");
        assertThat(stores.keys(CliStores.PREFIX + "/logs/")).hasSize(LOGS);
        assertThat(stores.keys(CliStores.PREFIX + "/index/")).isEmpty();
        assertThat(stores.collection("codelog_id_index").countDocuments()).isEqualTo(LOGS);
        JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(report));
        assertThat(summary.get("requests").get("s3_put").asLong()).isEqualTo(LOGS);

        CliRun again = migrate("--codelog.s3.id-index=mongo", "--job-id", "with-entries");

        assertThat(again.exitCode()).as(again.both()).isZero();
        assertThat(again.out()).contains("read 400, written 0, already there 400");
    }

    @Test
    @DisplayName("run again, the same job finds nothing left to do; a new job skips every log already in S3")
    void idempotent() {
        assertThat(migrate().exitCode()).isZero();

        CliRun again = migrate();
        CliRun newJob = migrate("--job-id", "second-pass");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("read 0, written 0");
        assertThat(newJob.exitCode()).as(newJob.both()).isZero();
        assertThat(newJob.out()).contains("read 400, written 0, already there 400");
    }

    @Test
    @DisplayName("--dry-run writes nothing and prices a real run")
    void dryRun() {
        CliRun run = migrate("--dry-run");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out())
                .startsWith("Dry run: migrate")
                .contains("read 400, would write 400")
                .contains("a real run would cost: 805 PUT/LIST-class");
        assertThat(stores.keys("")).isEmpty();
        assertThat(stores.collection(MigrationState.PARTITIONS).countDocuments())
                .isZero();
    }

    @Test
    @DisplayName("a document that is not a log is quarantined, named with its reason, and the run exits 1")
    void quarantine() {
        stores.logs()
                .insertOne(new Document("_id", "not-an-id")
                        .append("run_id", "65f1a2b3c4d5e6f708192a3b")
                        .append("code_id", "65f1a2b3c4d5e6f708192a3c")
                        .append("type", "info")
                        .append(
                                "created_at",
                                java.util.Date.from(FROM.atStartOfDay(java.time.ZoneOffset.UTC)
                                        .toInstant()
                                        .plusSeconds(60))));

        CliRun run = migrate();

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(run.out())
                .contains("quarantined 1")
                .contains("1 entries of job mongo-to-s3_2025-03-01_2025-03-05 are quarantined")
                .contains("quarantined not-an-id (2025-03-01): ");
        assertThat(stores.keys(CliStores.PREFIX + "/logs/")).hasSize(LOGS);
    }

    @Test
    @DisplayName("a job id already used for another range exits 2 before copying anything")
    void jobIdOfAnotherRange() {
        assertThat(migrate("--job-id", "march").exitCode()).isZero();

        CliRun run = CliRun.of(
                stores.environment(), "migrate", "--from", "2025-03-01", "--to", "2025-03-09", "--job-id", "march");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--job-id march is a job over 2025-03-01..2025-03-05");
    }

    @Test
    @DisplayName("interrupted, it exits 4 and says how to resume; the same command then finishes the job")
    void interrupted() {
        Interruption interruption = new Interruption();
        interruption.request();

        CliRun stopped = CliRun.of(stores.environment(), Clock.systemUTC(), interruption, args());
        CliRun resumed = migrate();

        assertThat(stopped.exitCode()).as(stopped.both()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(stopped.out()).contains("interrupted: progress is checkpointed; run the same command again");
        assertThat(resumed.exitCode()).as(resumed.both()).isZero();
        assertThat(resumed.out()).contains("read 400, written 400");
    }

    @Test
    @DisplayName("--progress lines with a short interval: lines on stderr, nothing redrawn with \\r")
    void progressLines() {
        CliRun run = migrate("--progress", "lines", "--progress-interval", "1ms", "--rate", "2000");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("mongo-to-s3: ").doesNotContain("\r");
        assertThat(run.err()
                        .lines()
                        .filter(line -> line.contains("mongo-to-s3: "))
                        .count())
                .isGreaterThan(1);
    }

    private CliRun migrate(String... extra) {
        return CliRun.of(stores.environment(), args(extra));
    }

    private static String[] args(String... extra) {
        String[] args = new String[1 + RANGE.length + extra.length];
        args[0] = "migrate";
        System.arraycopy(RANGE, 0, args, 1, RANGE.length);
        System.arraycopy(extra, 0, args, 1 + RANGE.length, extra.length);
        return args;
    }
}
