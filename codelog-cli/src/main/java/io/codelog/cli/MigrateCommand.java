package io.codelog.cli;

import io.codelog.migration.MigrationEngine;
import java.time.Clock;
import picocli.CommandLine.Command;

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
final class MigrateCommand extends CopyCommand {

    static final String DIRECTION = "mongo-to-s3";

    MigrateCommand() {
        super("migrate", DIRECTION);
    }

    @Override
    MigrationEngine engine(MongoCommandConnection mongo, S3CommandConnection s3, Clock clock) {
        return Engines.mongoToS3(mongo, s3, clock);
    }

    @Override
    String route(MongoCommandConnection mongo, S3CommandConnection s3) {
        return mongo.describe() + " -> " + s3.describe();
    }
}
