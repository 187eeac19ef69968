package io.codelog.cli;

import io.codelog.migration.MigrationEngine;
import io.codelog.migration.MigrationJob;
import io.codelog.migration.VerificationReport;
import io.codelog.migration.VerifyJob;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code codelog demo}: the whole story on servers it starts itself, with nothing configured: a MongoDB history
 * in both historical shapes and S3 objects of the Go service and the Python engine; migrate, verify, switch to S3
 * with fallback, read back, roll back, verify again; and what each step cost in S3 requests.
 */
@Command(
        name = "demo",
        header = "The whole story on servers started in this process; needs no configuration.",
        description = {
            "Runs migrate, verify, the switch to S3 with fallback, rollback and verify again on a MongoDB-protocol"
                    + " server and an S3-protocol server started inside this process (mongo-java-server, s3proxy)."
                    + " Needs no configuration and touches nothing outside this process; ignores FLOWS_CODE_ACTIONS_*."
        })
final class DemoCommand implements Callable<Integer> {

    static final String DATABASE = "codelog_demo";
    static final String BUCKET = "codelog-demo";
    static final String PREFIX = "codeactions";
    private static final int HISTORY_DAYS = 60;
    private static final int S3_PERIOD_DAYS = 10;
    private static final int STEPS = 7;

    @ParentCommand
    private CodelogCommand root;

    @Mixin
    private ProgressOptions progress;

    @Option(
            names = "--logs",
            paramLabel = "N",
            defaultValue = "6000",
            description = "Logs in the MongoDB history, 100 to 1000000 (default: ${DEFAULT-VALUE}).")
    private int logs;

    @Option(
            names = "--s3-logs",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Logs the Go service and the Python engine wrote to S3, 100 to 100000 (default:"
                    + " ${DEFAULT-VALUE}).")
    private int s3Logs;

    @Override
    public Integer call() {
        if (logs < 100 || logs > 1_000_000 || s3Logs < 100 || s3Logs > 100_000) {
            throw new CliUsageException("--logs must be from 100 to 1000000 and --s3-logs from 100 to 100000.");
        }
        long started = System.nanoTime();
        PrintWriter out = root.context().out();
        Clock clock = root.context().clock();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (DemoServers servers = DemoServers.start();
                CliSettings settings = CliSettings.load(variables(servers), List.of());
                MongoCommandConnection mongo =
                        MongoCommandConnection.open(settings.mongo(), settings.rules(clock), "demo");
                S3CommandConnection s3 = S3CommandConnection.open(
                        settings,
                        settings.rules(clock),
                        "demo",
                        () -> mongo.idIndex(settings.mongo().getIdIndexCollection()))) {
            s3.client().createBucket(request -> request.bucket(BUCKET));
            printIntroduction(out, servers);
            RequestSteps requests = new RequestSteps(s3.counter());
            DemoStory story = new DemoStory(root.context(), progress, mongo, s3, requests);

            step(out, 1, "Seed the history");
            LocalDate first = today.minusDays(HISTORY_DAYS);
            DemoStory.Seeded seeded =
                    story.seed(first, HISTORY_DAYS, logs, today.minusDays(S3_PERIOD_DAYS), S3_PERIOD_DAYS, s3Logs);

            step(out, 2, "Migrate MongoDB -> S3: codelog migrate --from " + first + " --to " + today.minusDays(1));
            MigrationEngine forward = Engines.mongoToS3(mongo, s3, clock);
            int migrated = story.copy(
                    forward, MigrationJob.of("demo-mongo-to-s3", first, today), "migrate", MigrateCommand.DIRECTION);
            if (stopped()) {
                return ExitCode.INTERRUPTED;
            }

            step(out, 3, "Verify MongoDB -> S3: codelog verify --from " + first + " --to " + today.minusDays(1));
            VerificationReport afterMigration = story.verify(forward, VerifyJob.of(first, today), "verify");
            if (stopped()) {
                return ExitCode.INTERRUPTED;
            }

            step(
                    out,
                    4,
                    "Switch the service to S3 with fallback to MongoDB (FLOWS_CODE_ACTIONS_S3_ENABLED=true,"
                            + " FLOWS_CODE_ACTIONS_MODE=fallback)");
            boolean readsRight = new DemoSwitch(mongo, s3, out).run(seeded.migratedRun(), seeded.pythonRun());
            out.println("  S3 requests: " + RequestSteps.describe(requests.end("fallback")));

            LocalDate rollbackFrom = today.minusDays(S3_PERIOD_DAYS + 1L);
            step(
                    out,
                    5,
                    "Roll back the S3 period to MongoDB: codelog rollback --from " + rollbackFrom + " --to " + today);
            MigrationEngine backward = Engines.s3ToMongo(mongo, s3, clock);
            int rolledBack = story.copy(
                    backward,
                    MigrationJob.of("demo-s3-to-mongo", rollbackFrom, today.plusDays(1)),
                    "rollback",
                    RollbackCommand.DIRECTION);
            if (stopped()) {
                return ExitCode.INTERRUPTED;
            }

            step(
                    out,
                    6,
                    "Verify S3 -> MongoDB: codelog verify --direction s3-to-mongo --from " + rollbackFrom + " --to "
                            + today);
            VerificationReport afterRollback =
                    story.verify(backward, VerifyJob.of(rollbackFrom, today.plusDays(1)), "verify back");

            step(out, 7, "S3 requests, by step");
            requests.print(out);
            boolean clean = migrated == ExitCode.OK
                    && rolledBack == ExitCode.OK
                    && VerifyRunner.exitCode(afterMigration) == ExitCode.OK
                    && VerifyRunner.exitCode(afterRollback) == ExitCode.OK
                    && readsRight;
            out.println();
            out.println("Demo " + (clean ? "finished" : "FAILED") + " in "
                    + HumanReadable.duration(Duration.ofNanos(System.nanoTime() - started))
                    + ": after the migration " + afterMigration.missingInTarget() + " missing, "
                    + afterMigration.different() + " different; after the rollback "
                    + afterRollback.missingInTarget() + " missing, " + afterRollback.different() + " different.");
            return clean ? ExitCode.OK : ExitCode.DIFFERENCES;
        }
    }

    /** The settings of a service on the demo's servers, as environment variables. */
    static Map<String, String> variables(DemoServers servers) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_URI", servers.mongoUri(DATABASE));
        variables.put("FLOWS_CODE_ACTIONS_S3_BUCKET_NAME", BUCKET);
        variables.put("FLOWS_CODE_ACTIONS_S3_PREFIX", PREFIX);
        variables.put("FLOWS_CODE_ACTIONS_S3_REGION", servers.region());
        variables.put("FLOWS_CODE_ACTIONS_S3_ENDPOINT", servers.s3Endpoint());
        variables.put("FLOWS_CODE_ACTIONS_S3_PATH_STYLE_ACCESS", "true");
        variables.put("FLOWS_CODE_ACTIONS_S3_ACCESS_KEY_ID", servers.accessKeyId());
        variables.put("FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY", servers.secretAccessKey());
        return variables;
    }

    private static void printIntroduction(PrintWriter out, DemoServers servers) {
        out.println("codelog demo: MongoDB and S3 servers inside this process, in memory; nothing configured,"
                + " nothing outside touched.");
        out.println("The commands run with the settings a service would have (keys not shown):");
        variables(servers).forEach((name, value) -> {
            if (!name.endsWith("_KEY_ID") && !name.endsWith("_SECRET_ACCESS_KEY")) {
                out.println("  " + name + "=" + value);
            }
        });
    }

    /** Whether the user asked to stop: the demo ends after the step in progress. */
    private boolean stopped() {
        if (!root.context().interruption().isRequested()) {
            return false;
        }
        root.context().out().println("Demo interrupted.");
        return true;
    }

    private static void step(PrintWriter out, int number, String title) {
        out.println();
        out.println(number + "/" + STEPS + " " + title);
    }
}
