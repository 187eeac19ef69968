package io.codelog.cli;

import io.codelog.migration.MigrationEngine;
import io.codelog.migration.MigrationJob;
import io.codelog.migration.VerifyJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/** {@code codelog verify}: compares the two stores over a range of days, and repairs on request. */
@Command(
        name = "verify",
        header = "Compare both stores over a range of days; repair on request.",
        description = {
            "Compares every log of the source over a range of UTC days with the target: present in both and"
                    + " equal (hash of the canonical JSON, or the MD5 against the ETag where valid). Prints the"
                    + " counts and the first differences; exits 1 when differences remain."
        })
final class VerifyCommand implements Callable<Integer> {

    /** Which store is compared against which. */
    enum Direction {
        /** MongoDB is the source, S3 the target: after a migration. */
        MONGO_TO_S3("mongo-to-s3"),
        /** S3 is the source, MongoDB the target: after a rollback. */
        S3_TO_MONGO("s3-to-mongo");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @ParentCommand
    private CodelogCommand root;

    @Mixin
    private DayRangeOptions days;

    @Option(
            names = "--direction",
            paramLabel = "DIRECTION",
            defaultValue = "mongo-to-s3",
            converter = DirectionConverter.class,
            description = "mongo-to-s3 (MongoDB is the source) or s3-to-mongo (default: ${DEFAULT-VALUE}).")
    private Direction direction;

    @Option(names = "--repair", description = "Copy what is missing or different from the source to the target.")
    private boolean repair;

    @Option(
            names = "--delete-source-after-verify",
            description = "Delete from the source the logs found equal in the target, each only after a live read of"
                    + " its copy just before the deletion finds it equal and readable by the target store, and only"
                    + " if the source still holds exactly what was compared. Irreversible: run without it first.")
    private boolean deleteSource;

    @Option(
            names = "--max-differences",
            paramLabel = "N",
            defaultValue = "" + VerifyJob.DEFAULT_MAX_DIFFERENCES,
            description = "How many differences to list (all are counted; default: ${DEFAULT-VALUE}).")
    private int maxDifferences;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "" + MigrationJob.DEFAULT_CONCURRENCY,
            description =
                    "Logs compared in parallel, 1 to " + MigrationJob.MAX_CONCURRENCY + " (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(
            names = "--rate",
            paramLabel = "REQUESTS_PER_SECOND",
            defaultValue = "0",
            description = "Most store requests per second, 0 for no limit (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the report as JSON to FILE.")
    private @Nullable Path report;

    @Override
    public Integer call() {
        VerifyJob job = job();
        if (report != null) {
            ReportFile.checkWritable(report);
        }
        S3CommandConnection s3 = root.s3("verify");
        MongoCommandConnection mongo = root.mongo("verify");
        MigrationEngine engine = direction == Direction.MONGO_TO_S3
                ? Engines.mongoToS3(mongo, s3, root.context().clock())
                : Engines.s3ToMongo(mongo, s3, root.context().clock());
        String source = direction == Direction.MONGO_TO_S3 ? mongo.describe() : s3.describe();
        String target = direction == Direction.MONGO_TO_S3 ? s3.describe() : mongo.describe();
        root.context()
                .out()
                .println("verify " + source + " against " + target + ", days " + days.describe()
                        + (repair ? ", repairing" : "")
                        + (deleteSource ? ", deleting verified logs from the source" : ""));
        return new VerifyRunner(root.context()).run(engine, job, direction.toString(), report);
    }

    private VerifyJob job() {
        VerifyJob job = VerifyJob.of(days.from(), days.toExclusive())
                .withRepair(repair)
                .withDeleteSourceAfterVerify(deleteSource);
        job = OptionValue.check("--max-differences", job, j -> j.withMaxDifferences(maxDifferences));
        job = OptionValue.check("--concurrency", job, j -> j.withConcurrency(concurrency));
        return OptionValue.check("--rate", job, j -> j.withMaxRequestsPerSecond(rate));
    }

    /** Reads {@code mongo-to-s3} and {@code s3-to-mongo}. */
    static final class DirectionConverter implements ITypeConverter<Direction> {
        @Override
        public Direction convert(String value) {
            for (Direction candidate : Direction.values()) {
                if (candidate.label.equalsIgnoreCase(value)) {
                    return candidate;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a direction: use mongo-to-s3 or s3-to-mongo");
        }
    }
}
