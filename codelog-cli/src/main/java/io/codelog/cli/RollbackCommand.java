package io.codelog.cli;

import io.codelog.migration.MigrationEngine;
import java.time.Clock;
import picocli.CommandLine.Command;

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
final class RollbackCommand extends CopyCommand {

    static final String DIRECTION = "s3-to-mongo";

    RollbackCommand() {
        super("rollback", DIRECTION);
    }

    @Override
    MigrationEngine engine(MongoCommandConnection mongo, S3CommandConnection s3, Clock clock) {
        return Engines.s3ToMongo(mongo, s3, clock);
    }

    @Override
    String route(MongoCommandConnection mongo, S3CommandConnection s3) {
        return s3.describe() + " -> " + mongo.describe();
    }
}
