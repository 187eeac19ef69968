package io.codelog.cli;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.ConditionalCopyTarget;
import io.codelog.migration.DualWriteRepair;
import io.codelog.migration.DualWriteRepairReport;
import io.codelog.mongo.MongoDualWriteFailureLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code codelog repair-dual-write}: replays the copies a dual write recorded as failed. */
@Command(
        name = "repair-dual-write",
        header = "Replay the copies a dual write failed to make, from the records in MongoDB.",
        description = {
            "For each log named in the failures a dual-write service recorded (codelog.mongo.failure-collection),"
                    + " makes the secondary store what the primary holds now: the log copied verbatim, or deleted when"
                    + " the primary no longer has it. Every write is conditional on the copy as read, so a write the"
                    + " service makes meanwhile is never undone and a deleted log never comes back; a copy written"
                    + " later than the primary's log is left as it is. A record is removed once its log is repaired"
                    + " and kept when the"
                    + " repair fails, for the next run; records of deleteOlder are removed without a replay (the"
                    + " retention cleaner runs on both stores). Exits 1 when records are kept.",
            "Needs MongoDB (the records live there) and S3."
        })
final class RepairDualWriteCommand implements Callable<Integer> {

    private static final String NAME = "repair-dual-write";

    /** The store that answered reads during the dual write. */
    enum Store {
        MONGO,
        S3;

        /** {@code mongo} or {@code s3}, as on the command line. */
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The other store: the secondary when this is the primary. */
        Store other() {
            return this == MONGO ? S3 : MONGO;
        }
    }

    @ParentCommand
    private CodelogCommand root;

    @Option(
            names = "--primary",
            required = true,
            paramLabel = "STORE",
            description = "mongo or s3: the store the service made primary during the dual write"
                    + " (codelog.s3.enabled false: mongo; true: s3). The other one is repaired.")
    private Store primary;

    @Option(names = "--dry-run", description = "Count the failure records only; repair nothing.")
    private boolean dryRun;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the report as JSON to FILE.")
    private @Nullable Path report;

    @Override
    public Integer call() {
        if (report != null) {
            ReportFile.checkWritable(report);
        }
        S3CommandConnection s3 = root.s3(NAME);
        MongoCommandConnection mongo = root.mongo(NAME);
        String collection = root.settings().mongo().getFailureCollection();
        MongoDualWriteFailureLog failures = mongo.failureLog(collection);
        PrintWriter out = root.context().out();
        out.println((dryRun ? "Dry run: " : "") + NAME + ": primary " + describe(primary, mongo, s3) + "; secondary "
                + describe(primary.other(), mongo, s3) + "; failures recorded in collection " + collection
                + " of MongoDB database " + mongo.databaseName());
        if (dryRun) {
            long recorded = failures.count();
            out.println("  recorded " + HumanReadable.count(recorded) + " failure records; nothing repaired");
            if (report != null) {
                ReportFile.write(
                        report,
                        DualWriteRepairJson.dryRun(
                                primary.label(), primary.other().label(), collection, recorded));
            }
            return ExitCode.OK;
        }
        Instant start = root.context().clock().instant();
        DualWriteRepairReport result = new DualWriteRepair(
                        repository(primary, mongo, s3), copyTarget(primary.other(), mongo, s3), failures)
                .run();
        Duration elapsed = Duration.between(start, root.context().clock().instant());
        Map<String, Long> s3Requests = new TreeMap<>(s3.counter().snapshot());
        print(out, result, elapsed, s3Requests);
        if (report != null) {
            ReportFile.write(
                    report,
                    DualWriteRepairJson.repair(
                            primary.label(), primary.other().label(), collection, result, elapsed, s3Requests));
        }
        return result.complete() ? ExitCode.OK : ExitCode.DIFFERENCES;
    }

    private static String describe(Store store, MongoCommandConnection mongo, S3CommandConnection s3) {
        return store == Store.MONGO ? mongo.describe() : s3.describe();
    }

    private static CodeLogRepository repository(Store store, MongoCommandConnection mongo, S3CommandConnection s3) {
        return store == Store.MONGO ? mongo.repository() : s3.repository();
    }

    private static ConditionalCopyTarget copyTarget(Store store, MongoCommandConnection mongo, S3CommandConnection s3) {
        return store == Store.MONGO ? mongo.repository() : s3.repository();
    }

    private static void print(PrintWriter out, DualWriteRepairReport result, Duration elapsed, Map<String, Long> s3) {
        out.println("  records read " + HumanReadable.count(result.failures()) + ": repaired by copy "
                + HumanReadable.count(result.copied()) + ", repaired by delete "
                + HumanReadable.count(result.deletedFromSecondary()) + ", deleteOlder records removed "
                + HumanReadable.count(result.rangeOperations()) + ", kept for retry "
                + HumanReadable.count(result.stillFailing()) + " in " + HumanReadable.duration(elapsed));
        if (result.alreadyRepaired() + result.newerInSecondary() > 0) {
            out.println("  left as the secondary held them: " + HumanReadable.count(result.alreadyRepaired())
                    + " already repaired, " + HumanReadable.count(result.newerInSecondary())
                    + " newer in the secondary (written later than the primary's log: see the warnings;"
                    + " codelog verify shows them)");
        }
        out.println("  S3 requests: " + RequestSteps.describe(s3));
        if (!result.complete()) {
            out.println("  " + HumanReadable.count(result.stillFailing()) + " records kept: their repair failed (the"
                    + " reasons are in the warnings on stderr); run " + NAME + " again once both stores answer");
        }
    }
}
