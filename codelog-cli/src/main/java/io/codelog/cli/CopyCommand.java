package io.codelog.cli;

import io.codelog.migration.MigrationEngine;
import io.codelog.migration.MigrationJob;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * A command that copies a range of days from one store to the other ({@code migrate}, {@code rollback}): the same
 * options, checks, first line and job runner; each says only its direction and which store it reads.
 */
abstract class CopyCommand implements Callable<Integer> {

    @ParentCommand
    private CodelogCommand root;

    @Mixin
    private DayRangeOptions days;

    @Mixin
    private CopyOptions copy;

    @Mixin
    private ProgressOptions progress;

    private final String name;
    private final String direction;

    CopyCommand(String name, String direction) {
        this.name = name;
        this.direction = direction;
    }

    /** The engine copying this command's way. */
    abstract MigrationEngine engine(MongoCommandConnection mongo, S3CommandConnection s3, Clock clock);

    /** The stores as source {@code ->} target, for the first line. */
    abstract String route(MongoCommandConnection mongo, S3CommandConnection s3);

    @Override
    public Integer call() {
        MigrationJob job = copy.job(direction, days.from(), days.toExclusive());
        if (copy.report != null) {
            ReportFile.checkWritable(copy.report);
        }
        S3CommandConnection s3 = root.s3(name);
        MongoCommandConnection mongo = root.mongo(name);
        MigrationEngine engine = engine(mongo, s3, root.context().clock());
        root.context()
                .out()
                .println((job.dryRun() ? "Dry run: " : "") + name + " " + route(mongo, s3) + ", days " + days.describe()
                        + ", job " + job.jobId());
        return new CopyJobRunner(root.context())
                .run(engine, job, progress, direction, copy.report)
                .exitCode();
    }
}
