package io.codelog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code codelog lifecycle} on s3proxy. s3proxy 4.1.0 answers the bucket lifecycle calls with 501 Not Implemented,
 * so {@code --apply} is tested for the call it makes and its message; the merge that keeps other rules is tested
 * in {@link LifecycleRulesTest}.
 */
@ExtendWith(TestServers.class)
class LifecycleCommandTest {

    private CliStores stores;

    @BeforeEach
    void open(MongoTestServer mongo, S3TestServer s3) {
        stores = new CliStores(mongo, s3);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    @DisplayName("prints the expiration rules as put-bucket-lifecycle-configuration JSON, at the retention period")
    void printsRules() {
        CliRun run = CliRun.of(stores.environment("FLOWS_CODE_ACTIONS_CLEANER_RETENTION_PERIOD", "45"), "lifecycle");

        assertThat(run.exitCode()).as(run.both()).isZero();
        JsonNode rules = JsonMapper.builder().build().readTree(run.out()).get("Rules");
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).get("ID").asString()).isEqualTo("codelog-expire:tenant/logs/");
        assertThat(rules.get(0).get("Filter").get("Prefix").asString()).isEqualTo("tenant/logs/");
        assertThat(rules.get(0).get("Status").asString()).isEqualTo("Enabled");
        assertThat(rules.get(0).get("Expiration").get("Days").asInt()).isEqualTo(45);
        assertThat(rules.get(1).get("Filter").get("Prefix").asString()).isEqualTo("tenant/index/");
        assertThat(rules.get(0).has("Transitions")).isFalse();
    }

    @Test
    @DisplayName("--days and --no-index: one rule; the warning gives the measured average object size")
    void warnsWithMeasuredSize() {
        new DemoHistory(5).seed(stores.logs(), java.time.LocalDate.of(2025, 9, 1), 1, 40);
        assertThat(CliRun.of(stores.environment(), "migrate", "--from", "2025-09-01", "--to", "2025-09-01")
                        .exitCode())
                .isZero();

        CliRun run = CliRun.of(stores.environment(), "lifecycle", "--days", "7", "--no-index");

        assertThat(run.exitCode()).as(run.both()).isZero();
        JsonNode rules = JsonMapper.builder().build().readTree(run.out()).get("Rules");
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).get("Expiration").get("Days").asInt()).isEqualTo(7);
        assertThat(run.err())
                .contains("Warning: no transition to STANDARD_IA or Glacier")
                .containsPattern("The log objects average \\d+ B \\(measured on up to 1,000 of them\\)")
                .contains("billed as 128 KB")
                .contains("costs more than it saves");
    }

    @Test
    @DisplayName("--apply reads the bucket's rules first; s3proxy's 501 exits 3 with what to do instead")
    void applyOnAServerWithoutLifecycle() {
        CliRun run = CliRun.of(stores.environment(), "lifecycle", "--apply");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.STORAGE);
        assertThat(run.out()).contains("\"Rules\"");
        assertThat(run.err())
                .contains("GetBucketLifecycleConfiguration on bucket " + stores.bucket + " answered 501")
                .contains("does not support lifecycle configuration")
                .contains("aws s3api put-bucket-lifecycle-configuration --bucket " + stores.bucket);
    }
}
