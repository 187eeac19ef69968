package io.codelog.cli;

import io.codelog.migration.MigrationEngine;
import io.codelog.migration.MigrationJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code codelog rollback}: copies S3's logs of a range of days back to MongoDB. */
@Command(
        name = "rollback",
        header = "Copy S3 logs of a range of days back to MongoDB.",
        description = {
            "Copies the S3 logs whose keys fall in a range of UTC days back to MongoDB, in the MongoDB store's"
                    + " document shape, with the same guarantees as migrate: resumable, idempotent, quarantine.",
            "The Go service dated some keys by its local time: include the day before and after the range you"
                    + " mean to be sure to catch those."
        })
final class RollbackCommand implements Callable<Integer> {

    static final String DIRECTION = "s3-to-mongo";

    @ParentCommand
    private CodelogCommand root;

    @Mixin
    private DayRangeOptions days;

    @Mixin
    private CopyOptions copy;

    @Mixin
    private ProgressOptions progress;

    @Override
    public Integer call() {
        MigrationJob job = copy.job(DIRECTION, days.from(), days.toExclusive());
        if (copy.report != null) {
            ReportFile.checkWritable(copy.report);
        }
        S3CommandConnection s3 = root.s3("rollback");
        MongoCommandConnection mongo = root.mongo("rollback");
        MigrationEngine engine = Engines.s3ToMongo(mongo, s3, root.context().clock());
        root.context()
                .out()
                .println((job.dryRun() ? "Dry run: " : "") + "rollback " + s3.describe() + " -> " + mongo.describe()
                        + ", days " + days.describe() + ", job " + job.jobId());
        return new CopyJobRunner(root.context())
                .run(engine, job, progress, DIRECTION, copy.report)
                .exitCode();
    }
}
