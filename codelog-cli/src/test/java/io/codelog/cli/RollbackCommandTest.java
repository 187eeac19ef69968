package io.codelog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code codelog rollback}: logs written to S3 come back to MongoDB exactly, and verify agrees. */
@ExtendWith(TestServers.class)
class RollbackCommandTest {

    private static final Instant START = Instant.parse("2025-06-03T22:30:00.123456789Z");
    private static final int LOGS = 120;

    private final List<CodeLog> written = new ArrayList<>();
    private CliStores stores;

    @BeforeEach
    void writeToS3(MongoTestServer mongo, S3TestServer s3) {
        stores = new CliStores(mongo, s3);
        String run = new ObjectId(java.util.Date.from(START)).toHexString();
        for (int i = 0; i < LOGS; i++) {
            Instant created = START.plusSeconds(60L * i);
            String id = i % 2 == 0
                    ? UUID.randomUUID().toString()
                    : new ObjectId(java.util.Date.from(created)).toHexString();
            written.add(stores.s3Repository.put(
                    new CodeLog(id, run, run, LogType.INFO, "rolled back " + i, created, created.plusMillis(i))));
        }
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    @DisplayName("copies every S3 log of the days into MongoDB to the nanosecond; verify s3-to-mongo is clean")
    void rollsBack() {
        CliRun run = CliRun.of(stores.environment(), "rollback", "--from", "2025-06-03", "--to", "2025-06-05");
        CliRun verify = CliRun.of(
                stores.environment(),
                "verify",
                "--direction",
                "s3-to-mongo",
                "--from",
                "2025-06-03",
                "--to",
                "2025-06-05");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out())
                .contains("rollback S3 bucket " + stores.bucket)
                .contains("job s3-to-mongo_2025-06-03_2025-06-05")
                .contains("read 120, written 120, already there 0, quarantined 0");
        for (CodeLog log : written) {
            assertThat(stores.mongoRepository.findById(log.id())).contains(log);
        }
        assertThat(verify.exitCode()).as(verify.both()).isZero();
        assertThat(verify.out()).contains("checked 120: equal 120, 0 missing, 0 different");
    }

    @Test
    @DisplayName("an S3 object that is not a log is quarantined: exit 1")
    void unreadableObject() {
        stores.s3.putObject(
                request -> request.bucket(stores.bucket)
                        .key(CliStores.PREFIX + "/logs/2025/06/04/65f1a2b3c4d5e6f708192a3b/65f1a2b3c4d5e6f708192a3b/"
                                + "65f1a2b3c4d5e6f708192a3d.json"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("{not json"));

        CliRun run = CliRun.of(stores.environment(), "rollback", "--from", "2025-06-03", "--to", "2025-06-05");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(run.out()).contains("read 121, written 120, already there 0, quarantined 1");
        assertThat(stores.logs().countDocuments()).isEqualTo(LOGS);
    }
}
