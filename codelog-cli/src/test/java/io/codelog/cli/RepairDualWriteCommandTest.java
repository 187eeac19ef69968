package io.codelog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRules;
import io.codelog.core.DualWriteCodeLogRepository;
import io.codelog.core.DualWriteFailure;
import io.codelog.core.LogType;
import io.codelog.mongo.MongoDualWriteFailureLog;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.test.TestServers;
import io.codelog.testservers.LoopbackPorts;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import io.codelog.testservers.TestS3Clients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code codelog repair-dual-write} on the test servers: failures recorded by a real dual write whose S3 was
 * unreachable are replayed until both stores hold the same logs, in either direction; records stay while the
 * secondary still fails; a dry run only counts; bad usage exits 2 and an unreachable MongoDB 3.
 */
@ExtendWith(TestServers.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RepairDualWriteCommandTest {

    private static final String RUN = "65f1a2b3c4d5e6f708192a3b";
    private static final String CODE = "0b8e9f3a-6c2d-4f1e-9a7b-3c4d5e6f7a8b";
    private static final String CUSTOM_COLLECTION = "service_copy_failures";

    private CliStores stores;
    private MongoDualWriteFailureLog failures;
    private int closedPort;

    @BeforeEach
    void open(MongoTestServer mongo, S3TestServer s3) throws IOException {
        stores = new CliStores(mongo, s3);
        failures = new MongoDualWriteFailureLog(new MongoTemplate(stores.mongoClient, stores.database));
        closedPort = LoopbackPorts.free();
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    @DisplayName("MongoDB primary, S3 down during the dual write: copies, deletes, drops deleteOlder; stores equal")
    void mongoPrimaryAfterAnS3Outage(@TempDir Path folder) throws Exception {
        DualWriteCodeLogRepository healthy = new DualWriteCodeLogRepository(
                stores.mongoRepository, stores.s3Repository, failures, Clock.systemUTC());
        CodeLog updatedLater = healthy.create(log("written before the outage, updated during it"));
        CodeLog deletedLater = healthy.create(log("written before the outage, deleted during it"));
        CodeLog untouched = healthy.create(log("written before the outage"));
        List<String> createdDuring = new ArrayList<>();
        try (S3Client deadClient = TestS3Clients.unreachable();
                S3CodeLogRepository deadS3 = new S3CodeLogRepository(deadClient, s3Settings())) {
            DualWriteCodeLogRepository outage =
                    new DualWriteCodeLogRepository(stores.mongoRepository, deadS3, failures, Clock.systemUTC());
            for (int i = 0; i < 4; i++) {
                createdDuring.add(
                        outage.create(log("written during the outage " + i)).id());
            }
            outage.update(createdDuring.get(0), "updated during the outage");
            outage.update(updatedLater.id(), "updated during the outage");
            outage.delete(deletedLater.id());
            outage.deleteOlder(Instant.parse("2001-01-01T00:00:00Z"), 1_000);
        }
        assertThat(failures.count()).as("failures the dual write recorded").isEqualTo(8);
        assertThat(stores.s3Repository.findById(createdDuring.get(1)))
                .as("missed by S3")
                .isEmpty();
        assertThat(stores.s3Repository.findById(deletedLater.id()))
                .as("still in S3")
                .isPresent();
        Path report = folder.resolve("repair.json");

        CliRun run = CliRun.of(
                stores.environment(), "repair-dual-write", "--primary", "mongo", "--report", report.toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .contains("primary MongoDB database " + stores.database)
                .contains("secondary S3 bucket " + stores.bucket)
                .contains("failures recorded in collection " + MongoDualWriteFailureLog.DEFAULT_COLLECTION)
                .contains("records read 8: repaired by copy 5, repaired by delete 1, deleteOlder records removed 1,"
                        + " kept for retry 0")
                .contains("PutObject");
        assertThat(failures.count()).as("failures left").isZero();
        List<String> live = new ArrayList<>(createdDuring);
        live.add(updatedLater.id());
        live.add(untouched.id());
        for (String id : live) {
            assertThat(stores.s3Repository.findById(id))
                    .as("log %s in S3", id)
                    .isEqualTo(stores.mongoRepository.findById(id))
                    .isPresent();
        }
        assertThat(stores.s3Repository.findById(updatedLater.id()).orElseThrow().content())
                .isEqualTo("updated during the outage");
        assertThat(stores.mongoRepository.findById(deletedLater.id())).isEmpty();
        assertThat(stores.s3Repository.findById(deletedLater.id()))
                .as("deleted log in S3")
                .isEmpty();
        assertThat(stores.keys(CliStores.PREFIX + "/logs/")).hasSize(live.size());
        assertThat(stores.logs().countDocuments()).isEqualTo(live.size());
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(report));
        assertThat(json.get("primary").asString()).isEqualTo("mongo");
        assertThat(json.get("secondary").asString()).isEqualTo("s3");
        assertThat(json.get("dry_run").asBoolean()).isFalse();
        assertThat(json.get("failures").asLong()).isEqualTo(8);
        assertThat(json.get("copied").asLong()).isEqualTo(5);
        assertThat(json.get("deleted_from_secondary").asLong()).isEqualTo(1);
        assertThat(json.get("already_repaired").asLong()).isZero();
        assertThat(json.get("newer_in_secondary").asLong()).isZero();
        assertThat(json.get("range_operations").asLong()).isEqualTo(1);
        assertThat(json.get("still_failing").asLong()).isZero();
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("s3_requests").get("PutObject").asLong()).isPositive();
    }

    @Test
    @DisplayName("S3 primary, records in the collection the variable names: MongoDB is made what S3 holds")
    void s3PrimaryWithItsOwnCollection() {
        MongoDualWriteFailureLog custom =
                new MongoDualWriteFailureLog(new MongoTemplate(stores.mongoClient, stores.database), CUSTOM_COLLECTION);
        CodeLog first = stores.s3Repository.create(log("only in S3"));
        CodeLog second = stores.s3Repository.create(log("only in S3 too"));
        CodeLog gone = stores.mongoRepository.create(log("deleted from S3, still in MongoDB"));
        record(custom, first.id(), "create");
        record(custom, second.id(), "create");
        record(custom, gone.id(), "delete");
        record(failures, first.id(), "create");

        CliRun run = CliRun.of(
                stores.environment("FLOWS_CODE_ACTIONS_MONGO_DB_FAILURE_COLLECTION", CUSTOM_COLLECTION),
                "repair-dual-write",
                "--primary",
                "S3");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .contains("primary S3 bucket " + stores.bucket)
                .contains("secondary MongoDB database " + stores.database)
                .contains("records read 3: repaired by copy 2, repaired by delete 1, deleteOlder records removed 0,"
                        + " kept for retry 0");
        assertThat(stores.mongoRepository.findById(first.id())).contains(first);
        assertThat(stores.mongoRepository.findById(second.id())).contains(second);
        assertThat(stores.mongoRepository.findById(gone.id())).isEmpty();
        assertThat(custom.count()).isZero();
        assertThat(failures.count())
                .as("records in the default collection, not named")
                .isEqualTo(1);
    }

    @Test
    @DisplayName("S3 still unreachable: every record kept and exit 1; once it answers, repaired and exit 0")
    void secondaryStillDown() {
        List<CodeLog> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CodeLog stored = stores.mongoRepository.create(log("missed " + i));
            missed.add(stored);
            record(failures, stored.id(), "create");
        }

        CliRun down = CliRun.of(
                stores.environment(
                        "FLOWS_CODE_ACTIONS_S3_ENDPOINT",
                        "http://127.0.0.1:" + closedPort,
                        "FLOWS_CODE_ACTIONS_S3_MAX_ATTEMPTS",
                        "1"),
                "repair-dual-write",
                "--primary",
                "mongo");
        long keptWhileDown = failures.count();
        CliRun back = CliRun.of(stores.environment(), "repair-dual-write", "--primary", "mongo");

        assertThat(down.exitCode()).as(down.both()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(down.out())
                .contains("records read 3: repaired by copy 0, repaired by delete 0, deleteOlder records removed 0,"
                        + " kept for retry 3")
                .contains("3 records kept: their repair failed");
        assertThat(keptWhileDown).isEqualTo(3);
        assertThat(back.exitCode()).as(back.both()).isEqualTo(ExitCode.OK);
        assertThat(back.out()).contains("records read 3: repaired by copy 3");
        assertThat(failures.count()).isZero();
        for (CodeLog log : missed) {
            assertThat(stores.s3Repository.findById(log.id())).contains(log);
        }
    }

    @Test
    @DisplayName("--dry-run counts the records and changes nothing")
    void dryRun(@TempDir Path folder) throws Exception {
        CodeLog stored = stores.mongoRepository.create(log("missed"));
        record(failures, stored.id(), "create");
        record(failures, null, "deleteOlder");
        Path report = folder.resolve("dry.json");

        CliRun run = CliRun.of(
                stores.environment(),
                "repair-dual-write",
                "--primary",
                "mongo",
                "--dry-run",
                "--report",
                report.toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("Dry run: repair-dual-write").contains("recorded 2 failure records");
        assertThat(failures.count()).isEqualTo(2);
        assertThat(stores.s3Repository.findById(stored.id())).isEmpty();
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(report));
        assertThat(json.get("dry_run").asBoolean()).isTrue();
        assertThat(json.get("recorded").asLong()).isEqualTo(2);
    }

    @Test
    @DisplayName("no --primary, or one that is not a store: exit 2 naming the option")
    void primaryRequired() {
        CliRun missing = CliRun.of(stores.environment(), "repair-dual-write");
        CliRun wrong = CliRun.of(stores.environment(), "repair-dual-write", "--primary", "dynamo");

        assertThat(missing.exitCode()).as(missing.both()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("--primary");
        assertThat(wrong.exitCode()).as(wrong.both()).isEqualTo(ExitCode.USAGE);
        assertThat(wrong.err()).contains("--primary").contains("dynamo");
    }

    @Test
    @DisplayName("a blank failure collection: exit 2 naming the property and its variable, nothing read")
    void blankFailureCollection() {
        CliRun run = CliRun.of(
                stores.environment(), "repair-dual-write", "--primary", "mongo", "--codelog.mongo.failure-collection=");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err())
                .contains("codelog.mongo.failure-collection (FLOWS_CODE_ACTIONS_MONGO_DB_FAILURE_COLLECTION) is blank");
    }

    @Test
    @DisplayName("MongoDB unreachable: exit 3 with one line naming MongoDB")
    void mongoDown() {
        CliRun run = CliRun.of(
                stores.environment(
                        "FLOWS_CODE_ACTIONS_MONGO_DB_URI",
                        "mongodb://127.0.0.1:" + closedPort + "/logs?serverSelectionTimeoutMS=300"),
                "repair-dual-write",
                "--primary",
                "mongo");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.STORAGE);
        assertThat(run.err())
                .startsWith("codelog repair-dual-write: error: mongo ")
                .contains("MongoTimeoutException");
        assertThat(run.err().lines()).hasSize(1);
    }

    private static CodeLog log(String content) {
        return CodeLog.of(RUN, CODE, LogType.INFO, content);
    }

    private static void record(MongoDualWriteFailureLog log, String logId, String operation) {
        log.record(new DualWriteFailure(logId, operation, Instant.now(), "CodeLogStorageException: s3 put failed"));
    }

    /** The settings of the test's S3 store, for a client that cannot reach it. */
    private S3CodeLogSettings s3Settings() {
        return S3CodeLogSettings.builder(stores.bucket)
                .prefix(CliStores.PREFIX)
                .rules(CodeLogRules.defaults())
                .build();
    }
}
