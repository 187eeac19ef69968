package io.codelog.migration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.codelog.core.CodeLogRules;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.testservers.TestS3Clients;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.data.mongodb.core.MongoTemplate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A worker in its own JVM (so that {@link KillNineTest} can kill it and {@link MongoToS3MigrationTest} can bound
 * its heap): migrates (or rolls back) a job with the fixture's layout, prints {@code read <n>} at every checkpoint
 * and {@code summary <json>} at the end.
 *
 * <p>Arguments: mongo URI, database, S3 endpoint, region, access key, secret key, bucket, job id, from, days,
 * concurrency, owner, lease (ISO-8601), direction ({@value #MONGO_TO_S3} or {@value #S3_TO_MONGO}).
 */
final class WorkerMain {

    static final String MONGO_TO_S3 = "mongo-to-s3";
    static final String S3_TO_MONGO = "s3-to-mongo";

    private WorkerMain() {}

    public static void main(String[] args) {
        try (MongoClient mongoClient = MongoClients.create(args[0]);
                S3Client s3 = TestS3Clients.builder(URI.create(args[2]), args[3], args[4], args[5])
                        .build()) {
            MongoTemplate mongo = new MongoTemplate(mongoClient, args[1]);
            CodeLogRules rules = CodeLogRules.defaults();
            MongoCodeLogSettings mongoSettings =
                    MongoCodeLogSettings.defaults().withCollection("codelog").withRules(rules);
            S3CodeLogSettings s3Settings = S3CodeLogSettings.builder(args[6])
                    .prefix("tenant-a")
                    .rules(rules)
                    .build();
            LocalDate from = LocalDate.parse(args[8]);
            MigrationJob job = MigrationJob.of(args[7], from, from.plusDays(Integer.parseInt(args[9])))
                    .withConcurrency(Integer.parseInt(args[10]))
                    .withCheckpointEvery(50)
                    .withOwner(args[11])
                    .withLease(Duration.parse(args[12]));
            MigrationListener printer = new MigrationListener() {
                @Override
                public void onProgress(MigrationProgress progress) {
                    System.out.println("read " + progress.counts().read());
                    System.out.flush();
                }
            };
            try (S3CodeLogRepository s3Repository = new S3CodeLogRepository(s3, s3Settings)) {
                MigrationEngine engine = MONGO_TO_S3.equals(args[13])
                        ? MigrationEngine.mongoToS3(
                                mongo, mongoSettings, s3, s3Settings, s3Repository, Clock.systemUTC())
                        : MigrationEngine.s3ToMongo(
                                s3, s3Settings, s3Repository, mongo, mongoSettings, Clock.systemUTC());
                MigrationSummary summary = engine.migrate(job, printer).call();
                System.out.println("summary " + summary.toJson());
            }
        }
    }
}
