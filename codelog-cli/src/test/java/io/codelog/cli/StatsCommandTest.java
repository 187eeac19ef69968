package io.codelog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code codelog stats}: logs per day in each store, from counts and listings. */
@ExtendWith(TestServers.class)
class StatsCommandTest {

    private static final LocalDate FROM = LocalDate.of(2025, 8, 1);

    private CliStores stores;

    @BeforeEach
    void seed(MongoTestServer mongo, S3TestServer s3) {
        stores = new CliStores(mongo, s3);
        // 3 days of 40 logs each (one run a day), then one undated document.
        new DemoHistory(3).seed(stores.logs(), FROM, 3, 120);
        stores.logs()
                .insertOne(new Document("_id", "65f1a2b3c4d5e6f708192a3d")
                        .append("run_id", "65f1a2b3c4d5e6f708192a3b")
                        .append("code_id", "65f1a2b3c4d5e6f708192a3c")
                        .append("type", "info")
                        .append("created_at", Date.from(java.time.Instant.parse("0001-01-01T00:00:00Z"))));
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    @DisplayName("before and after migrating two of the days: a row per day, the difference and the total")
    void perDay() {
        CliRun before = stats();
        CliRun migrated = CliRun.of(stores.environment(), "migrate", "--from", "2025-08-01", "--to", "2025-08-02");
        CliRun after = stats();

        assertThat(before.exitCode()).as(before.both()).isZero();
        assertThat(before.out())
                .containsPattern("2025-08-01\\s+40\\s+0\\s+-40")
                .containsPattern("2025-08-04\\s+0\\s+0\\s+0")
                .containsPattern("total\\s+120\\s+0\\s+-120")
                .contains("MongoDB documents without a usable created_at (in no day): 1")
                .contains("requests: MongoDB 5 counts, S3 5 ListObjectsV2");
        assertThat(migrated.exitCode()).as(migrated.both()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(after.out())
                .containsPattern("2025-08-01\\s+40\\s+40\\s+0")
                .containsPattern("2025-08-02\\s+40\\s+40\\s+0")
                .containsPattern("2025-08-03\\s+40\\s+0\\s+-40")
                .containsPattern("total\\s+120\\s+80\\s+-40");
    }

    @Test
    @DisplayName("--store mongo needs no S3 setting")
    void mongoOnly() {
        CliRun run = CliRun.of(
                stores.environment("FLOWS_CODE_ACTIONS_S3_BUCKET_NAME", null),
                "stats",
                "--from",
                "2025-08-01",
                "--to",
                "2025-08-03",
                "--store",
                "mongo");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).containsPattern("total\\s+120\\s*\\n").doesNotContain("S3 bucket");
    }

    private CliRun stats() {
        return CliRun.of(stores.environment(), "stats", "--from", "2025-08-01", "--to", "2025-08-04");
    }
}
