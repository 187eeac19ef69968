package io.codelog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the command line says, and exits with, before it reaches any store. */
class UsageErrorsTest {

    private static final Map<String, String> NOTHING_SET = Map.of();

    @Nested
    @DisplayName("help")
    class Help {

        @Test
        @DisplayName("--help lists every command, the exit codes and where the configuration comes from")
        void listsCommands() {
            CliRun run = CliRun.of(NOTHING_SET, "--help");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains(
                            "migrate", "verify", "rollback", "repair-dual-write", "stats", "cost", "lifecycle", "demo")
                    .contains(
                            "Exit codes:",
                            "0    ok",
                            "2    bad usage",
                            "3    a store failed",
                            "4    interrupted",
                            "5    migrate, rollback: the job is not complete")
                    .contains("FLOWS_CODE_ACTIONS_MONGO_DB_URI");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"migrate", "verify", "rollback", "repair-dual-write", "stats", "cost", "lifecycle", "demo"})
        @DisplayName("every command has --help with its options and the exit codes")
        void everyCommand(String command) {
            CliRun run = CliRun.of(NOTHING_SET, command, "--help");

            assertThat(run.exitCode()).as(run.both()).isZero();
            assertThat(run.out()).contains("Usage: codelog " + command).contains("Exit codes:");
        }

        @Test
        @DisplayName("--help of migrate says that --to is inclusive")
        void toIsInclusive() {
            assertThat(CliRun.of(NOTHING_SET, "migrate", "--help").out()).contains("inclusive");
        }
    }

    @Nested
    @DisplayName("exit 2 with one line naming the option or variable")
    class BadUsage {

        @Test
        @DisplayName("no command")
        void noCommand() {
            CliRun run = CliRun.of(NOTHING_SET);

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("Missing a command");
        }

        @Test
        @DisplayName("an unknown command, with a suggestion")
        void unknownCommand() {
            CliRun run = CliRun.of(NOTHING_SET, "migrat");

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err())
                    .contains("Unmatched argument at index 0: 'migrat'")
                    .contains("migrate");
        }

        @Test
        @DisplayName("a date that is not yyyy-MM-dd")
        void badDate() {
            CliRun run = CliRun.of(NOTHING_SET, "migrate", "--from", "2025-13-01", "--to", "2025-12-31");

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("--from").contains("2025-13-01");
        }

        @Test
        @DisplayName("--from after --to")
        void fromAfterTo() {
            CliRun run = CliRun.of(NOTHING_SET, "verify", "--from", "2025-02-01", "--to", "2025-01-31");

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err())
                    .isEqualToIgnoringNewLines("codelog verify: error: --from (2025-02-01) is after --to (2025-01-31):"
                            + " --to is the last day included.");
        }

        @Test
        @DisplayName("a missing required option")
        void missingOption() {
            CliRun run = CliRun.of(NOTHING_SET, "rollback", "--from", "2025-01-01");

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("--to");
        }

        @Test
        @DisplayName("a concurrency the engine refuses, before any store is touched")
        void badConcurrency() {
            CliRun run = CliRun.of(
                    NOTHING_SET, "migrate", "--from", "2025-01-01", "--to", "2025-01-02", "--concurrency", "0");

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("--concurrency: concurrency must be from 1 to 256, was 0");
        }

        @Test
        @DisplayName("a lease under the engine's 3 seconds, and a wait that is not a duration")
        void badLeaseAndWait() {
            CliRun lease =
                    CliRun.of(NOTHING_SET, "migrate", "--from", "2025-01-01", "--to", "2025-01-02", "--lease", "1s");
            CliRun wait = CliRun.of(
                    NOTHING_SET, "rollback", "--from", "2025-01-01", "--to", "2025-01-02", "--wait-for-held-days", "x");

            assertThat(lease.exitCode()).as(lease.both()).isEqualTo(ExitCode.USAGE);
            assertThat(lease.err()).contains("--lease: lease must be at least 3 seconds, was PT1S");
            assertThat(wait.exitCode()).as(wait.both()).isEqualTo(ExitCode.USAGE);
            assertThat(wait.err()).contains("'x' is not a duration");
        }

        @Test
        @DisplayName("a job id with characters the checkpoints do not accept")
        void badJobId() {
            CliRun run = CliRun.of(
                    NOTHING_SET, "migrate", "--from", "2025-01-01", "--to", "2025-01-02", "--job-id", "no spaces");

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("--job-id: jobId must be 1 to 100 characters");
        }

        @Test
        @DisplayName("no bucket: names the property and FLOWS_CODE_ACTIONS_S3_BUCKET_NAME")
        void missingBucket() {
            CliRun run = CliRun.of(
                    Map.of("FLOWS_CODE_ACTIONS_MONGO_DB_URI", "mongodb://127.0.0.1:1/logs"),
                    "migrate",
                    "--from",
                    "2025-01-01",
                    "--to",
                    "2025-01-02");

            assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err())
                    .contains("codelog migrate needs S3")
                    .contains("codelog.s3.bucket-name (FLOWS_CODE_ACTIONS_S3_BUCKET_NAME)")
                    .contains("FLOWS_CODE_ACTIONS_S3_REGION");
            assertThat(run.err().lines()).hasSize(1);
        }

        @Test
        @DisplayName("no MongoDB URI: names FLOWS_CODE_ACTIONS_MONGO_DB_URI")
        void missingMongoUri() {
            CliRun run = CliRun.of(Map.of("FLOWS_CODE_ACTIONS_S3_BUCKET_NAME", "logs"), "stats", "--store", "mongo");

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("codelog stats needs MongoDB").contains("FLOWS_CODE_ACTIONS_MONGO_DB_URI");
        }

        @Test
        @DisplayName("no region on AWS (no endpoint) and none in the SDK's chain: names FLOWS_CODE_ACTIONS_S3_REGION")
        void missingRegion() {
            CliRun run = CliRun.of(Map.of("FLOWS_CODE_ACTIONS_S3_BUCKET_NAME", "logs"), "cost");

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err())
                    .startsWith("codelog cost: error: codelog.s3.region (FLOWS_CODE_ACTIONS_S3_REGION) is not set");
        }

        @Test
        @DisplayName("a variable that does not bind names the variable it came from")
        void unbindableVariable() {
            CliRun run = CliRun.of(
                    Map.of(
                            "FLOWS_CODE_ACTIONS_S3_BUCKET_NAME",
                            "logs",
                            "FLOWS_CODE_ACTIONS_S3_READ_CONCURRENCY",
                            "many"),
                    "cost");

            assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err())
                    .contains("codelog.s3.read-concurrency")
                    .contains("FLOWS_CODE_ACTIONS_S3_READ_CONCURRENCY");
        }

        @Test
        @DisplayName("a setting given as --codelog.x=y wins over its variable")
        void argumentWins() {
            CliRun run =
                    CliRun.of(Map.of("FLOWS_CODE_ACTIONS_S3_BUCKET_NAME", "logs"), "cost", "--codelog.s3.bucket-name=");

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("codelog cost needs S3");
        }

        @Test
        @DisplayName("the starter's own checks apply: a bucket in the endpoint is refused, naming the variable")
        void starterChecks() {
            CliRun run = CliRun.of(
                    Map.of(
                            "FLOWS_CODE_ACTIONS_S3_BUCKET_NAME", "logs",
                            "FLOWS_CODE_ACTIONS_S3_ENDPOINT", "https://s3.example.com/logs"),
                    "cost");

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("FLOWS_CODE_ACTIONS_S3_ENDPOINT").contains("Remove the path");
        }
    }

    @Nested
    @DisplayName("secrets")
    class Secrets {

        @Test
        @DisplayName("neither the secret key nor the MongoDB password appears in any output, even with --verbose")
        void neverPrinted() {
            String secret = CliStores.SECRET + CliStores.random(8);
            CliRun run = CliRun.of(
                    Map.of(
                            "FLOWS_CODE_ACTIONS_MONGO_DB_URI",
                            "mongodb://user:" + secret + "@127.0.0.1:1/logs?bad=%zz",
                            "FLOWS_CODE_ACTIONS_S3_BUCKET_NAME",
                            "logs",
                            "FLOWS_CODE_ACTIONS_S3_REGION",
                            "eu-west-1",
                            "FLOWS_CODE_ACTIONS_S3_ACCESS_KEY_ID",
                            "AKIAEXAMPLE",
                            "FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY",
                            secret),
                    "migrate",
                    "--from",
                    "2025-01-01",
                    "--to",
                    "2025-01-01",
                    "--verbose");

            assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("FLOWS_CODE_ACTIONS_MONGO_DB_URI").contains("its value is not shown");
            assertThat(run.out() + run.err()).doesNotContain(secret);
        }
    }
}
