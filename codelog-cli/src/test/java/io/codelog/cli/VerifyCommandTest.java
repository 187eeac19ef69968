package io.codelog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code codelog verify} after a migration: clean, then with a missing object, repaired, and in reverse. */
@ExtendWith(TestServers.class)
class VerifyCommandTest {

    private static final LocalDate FROM = LocalDate.of(2025, 5, 10);
    private static final int LOGS = 200;
    private static final String[] RANGE = {"--from", "2025-05-10", "--to", "2025-05-12"};

    private CliStores stores;

    @BeforeEach
    void migrate(MongoTestServer mongo, S3TestServer s3) {
        stores = new CliStores(mongo, s3);
        new DemoHistory(11).seed(stores.logs(), FROM, 3, LOGS);
        CliRun migrated = run("migrate");
        assertThat(migrated.exitCode()).as(migrated.both()).isZero();
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    @DisplayName("after a migration: 0 missing, 0 different, exit 0, and a JSON report with the counts")
    void clean(@TempDir Path folder) throws Exception {
        Path report = folder.resolve("verify.json");

        CliRun run = run("verify", "--report", report.toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("checked 200: equal 200, 0 missing, 0 different, 0 unreadable");
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(report));
        assertThat(json.get("direction").asString()).isEqualTo("mongo-to-s3");
        assertThat(json.get("checked").asLong()).isEqualTo(LOGS);
        assertThat(json.get("missing_in_target").asLong()).isZero();
        assertThat(json.get("all_equal").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("an object lost from S3: exit 1 naming it; --repair copies it back (exit 0); verify is clean again")
    void missingThenRepaired(@TempDir Path folder) throws Exception {
        String lost = stores.keys(CliStores.PREFIX + "/logs/").get(17);
        stores.s3.deleteObject(request -> request.bucket(stores.bucket).key(lost));
        String lostId = lost.substring(lost.lastIndexOf('/') + 1, lost.length() - ".json".length());

        CliRun found = run("verify", "--report", folder.resolve("found.json").toString());
        CliRun repaired = run("verify", "--repair");
        CliRun again = run("verify");

        assertThat(found.exitCode()).as(found.both()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(found.out())
                .contains("1 missing")
                .contains("missing_in_target")
                .contains("(log " + lostId + ")");
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(folder.resolve("found.json")));
        assertThat(json.get("missing_in_target").asLong()).isEqualTo(1);
        assertThat(json.get("differences").get(0).get("log_id").asString()).isEqualTo(lostId);
        assertThat(repaired.exitCode()).as(repaired.both()).isZero();
        assertThat(repaired.out()).contains("repaired 1");
        assertThat(again.exitCode()).isZero();
        assertThat(stores.keys(CliStores.PREFIX + "/logs/")).contains(lost);
    }

    @Test
    @DisplayName("--max-differences limits the list, not the count")
    void maxDifferences() {
        List<String> keys = stores.keys(CliStores.PREFIX + "/logs/");
        for (String key : keys.subList(0, 3)) {
            stores.s3.deleteObject(request -> request.bucket(stores.bucket).key(key));
        }

        CliRun run = run("verify", "--max-differences", "1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(run.out()).contains("3 missing");
        assertThat(run.out().lines().filter(line -> line.contains("missing_in_target")))
                .hasSize(1);
    }

    @Test
    @DisplayName("--direction s3-to-mongo compares S3 against MongoDB; --delete-source-after-verify empties S3")
    void reverseAndDelete() {
        CliRun reverse = run("verify", "--direction", "s3-to-mongo");
        CliRun deleting = run("verify", "--direction", "s3-to-mongo", "--delete-source-after-verify");

        assertThat(reverse.exitCode()).as(reverse.both()).isZero();
        assertThat(reverse.out())
                .contains("verify S3 bucket " + stores.bucket)
                .contains("checked 200: equal 200, 0 missing");
        assertThat(deleting.exitCode()).as(deleting.both()).isZero();
        assertThat(deleting.out()).contains("deleted from the source 200");
        assertThat(stores.keys(CliStores.PREFIX + "/logs/")).isEmpty();
        assertThat(stores.logs().countDocuments()).isEqualTo(LOGS);
    }

    @Test
    @DisplayName("--delete-source-after-verify keeps a MongoDB log whose S3 copy the S3 store cannot read (over its"
            + " byte cap), exits 1 and says why")
    void deleteKeepsWhatS3CannotRead(@TempDir Path folder) throws Exception {
        Instant created = Instant.parse("2025-05-11T12:00:00Z");
        CodeLog huge = new CodeLog(
                "682090c0c4d5e6f708192a3c",
                "65f1a2b3c4d5e6f708192a3b",
                "0b8e9f3a-6c2d-4f1e-9a7b-3c4d5e6f7a8b",
                LogType.INFO,
                "x".repeat(1_100_000),
                created,
                created);
        stores.mongoRepository.put(huge);
        stores.s3Repository.put(huge);
        Path report = folder.resolve("delete.json");

        CliRun run = run("verify", "--delete-source-after-verify", "--report", report.toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(run.out())
                .contains("checked 201: equal 200, 0 missing, 0 different, 1 unreadable")
                .contains("deleted from the source 200, kept 1")
                .contains("unreadable_target")
                .contains("(log " + huge.id() + ")")
                .contains("over the 1048576-byte limit of a log object; kept in the source");
        assertThat(stores.logs().countDocuments()).isEqualTo(1);
        assertThat(stores.mongoRepository.findById(huge.id())).contains(huge);
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(report));
        assertThat(json.get("kept_in_source").asLong()).isEqualTo(1);
        assertThat(json.get("differences").get(0).get("detail").asString()).contains("kept in the source");
    }

    @Test
    @DisplayName("an unknown --direction exits 2 naming the accepted values")
    void badDirection() {
        CliRun run = run("verify", "--direction", "sideways");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--direction").contains("mongo-to-s3 or s3-to-mongo");
    }

    private CliRun run(String command, String... extra) {
        String[] args = new String[1 + RANGE.length + extra.length];
        args[0] = command;
        System.arraycopy(RANGE, 0, args, 1, RANGE.length);
        System.arraycopy(extra, 0, args, 1 + RANGE.length, extra.length);
        return CliRun.of(stores.environment(), args);
    }
}
