package io.codelog.cli;

import io.codelog.migration.MigrationEngine;
import java.time.Clock;

/** The migration engine in each direction, on a command's stores. */
final class Engines {

    private Engines() {}

    /** Migration: MongoDB is read, S3 written; the checkpoints live in MongoDB. */
    static MigrationEngine mongoToS3(MongoCommandConnection mongo, S3CommandConnection s3, Clock clock) {
        return MigrationEngine.mongoToS3(
                mongo.template(), mongo.settings(), s3.client(), s3.settings(), s3.repository(), clock);
    }

    /** Rollback: S3 is read, MongoDB written; the checkpoints live in MongoDB. */
    static MigrationEngine s3ToMongo(MongoCommandConnection mongo, S3CommandConnection s3, Clock clock) {
        return MigrationEngine.s3ToMongo(
                s3.client(), s3.settings(), s3.repository(), mongo.template(), mongo.settings(), clock);
    }
}
