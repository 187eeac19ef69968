package io.codelog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.TestServers;
import io.codelog.testservers.LoopbackPorts;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A store that cannot be reached: exit 3, one line, the stack trace only with --verbose. */
@ExtendWith(TestServers.class)
class StorageFailureTest {

    private CliStores stores;
    private int closedPort;

    @BeforeEach
    void open(MongoTestServer mongo, S3TestServer s3) throws IOException {
        stores = new CliStores(mongo, s3);
        closedPort = LoopbackPorts.free();
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    @DisplayName("MongoDB unreachable: exit 3 with one line naming MongoDB")
    void mongoDown() {
        CliRun run = CliRun.of(
                stores.environment(
                        "FLOWS_CODE_ACTIONS_MONGO_DB_URI",
                        "mongodb://127.0.0.1:" + closedPort + "/logs?serverSelectionTimeoutMS=300"),
                "migrate",
                "--from",
                "2025-01-01",
                "--to",
                "2025-01-01");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.STORAGE);
        assertThat(run.err()).startsWith("codelog migrate: error: mongo ").contains("MongoTimeoutException");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    @DisplayName("S3 unreachable: exit 3 with one line naming S3; --verbose adds the stack trace")
    void s3Down() {
        String endpoint = "http://127.0.0.1:" + closedPort;

        CliRun run = CliRun.of(stores.environment("FLOWS_CODE_ACTIONS_S3_ENDPOINT", endpoint), "cost");
        CliRun verbose = CliRun.of(stores.environment("FLOWS_CODE_ACTIONS_S3_ENDPOINT", endpoint), "cost", "--verbose");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.STORAGE);
        assertThat(run.err()).startsWith("codelog cost: error: S3 request failed: ");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(verbose.exitCode()).isEqualTo(ExitCode.STORAGE);
        assertThat(verbose.err()).contains("\tat software.amazon.awssdk.");
    }
}
