package io.codelog.cli;

import io.codelog.migration.MigrationEngine;
import io.codelog.migration.MigrationJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code codelog migrate}: copies MongoDB's logs of a range of days to S3. */
@Command(
        name = "migrate",
        header = "Copy MongoDB logs of a range of days to S3 (resumable, idempotent).",
        description = {
            "Copies the MongoDB logs created in a range of UTC days to S3, under the exact keys (and id index) the S3"
                    + " store writes. Resumable: run the same command again after a stop. Idempotent: logs already in"
                    + " S3 unchanged are skipped. Unreadable documents are quarantined, never dropped.",
            "Needs MongoDB (checkpoints are kept there too) and S3."
        })
final class MigrateCommand implements Callable<Integer> {

    static final String DIRECTION = "mongo-to-s3";

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
        S3CommandConnection s3 = root.s3("migrate");
        MongoCommandConnection mongo = root.mongo("migrate");
        MigrationEngine engine = Engines.mongoToS3(mongo, s3, root.context().clock());
        root.context()
                .out()
                .println((job.dryRun() ? "Dry run: " : "") + "migrate " + mongo.describe() + " -> " + s3.describe()
                        + ", days " + days.describe() + ", job " + job.jobId());
        return new CopyJobRunner(root.context())
                .run(engine, job, progress, DIRECTION, copy.report)
                .exitCode();
    }
}
