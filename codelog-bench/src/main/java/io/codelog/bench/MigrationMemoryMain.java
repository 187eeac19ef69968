package io.codelog.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.codelog.migration.MigrationEngine;
import io.codelog.migration.MigrationJob;
import io.codelog.migration.MigrationListener;
import io.codelog.migration.MigrationProgress;
import io.codelog.migration.MigrationSummary;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.testservers.TestS3Clients;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The child JVM of the memory section: migrates a MongoDB collection seeded by the parent into a bucket the
 * parent created, on the parent's servers, with the engine's default settings, while a {@link HeapWatch} watches
 * the heap; then prints {@code name value} lines for the parent ({@link MemorySection}) and exits 0.
 *
 * <p>Arguments: MongoDB connection string, database, collection, S3 endpoint, region, access key, secret key,
 * bucket, first day, days, concurrency, logs between live-heap samples.
 */
public final class MigrationMemoryMain {

    private MigrationMemoryMain() {}

    /**
     * Runs the migration and prints what the heap did.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        LocalDate from = LocalDate.parse(args[8]);
        int days = Integer.parseInt(args[9]);
        int concurrency = Integer.parseInt(args[10]);
        long sampleEvery = Long.parseLong(args[11]);
        try (HeapWatch heap = new HeapWatch();
                MongoClient mongoClient = MongoClients.create(args[0]);
                S3Client s3 = TestS3Clients.builder(URI.create(args[3]), args[4], args[5], args[6])
                        .build()) {
            S3CodeLogSettings s3Settings = S3CodeLogSettings.of(args[7], "codelog");
            MongoCodeLogSettings mongoSettings = MongoCodeLogSettings.defaults().withCollection(args[2]);
            MigrationJob job = MigrationJob.of("memory-" + UUID.randomUUID(), from, from.plusDays(days))
                    .withConcurrency(concurrency);
            MigrationListener sampler = new MigrationListener() {
                private long nextSample = sampleEvery;

                @Override
                public void onProgress(MigrationProgress progress) {
                    if (progress.counts().read() >= nextSample) {
                        heap.sampleLive();
                        nextSample = progress.counts().read() + sampleEvery;
                    }
                }
            };
            MigrationSummary summary;
            long start = System.nanoTime();
            try (S3CodeLogRepository repository = new S3CodeLogRepository(s3, s3Settings)) {
                summary = MigrationEngine.mongoToS3(
                                new MongoTemplate(mongoClient, args[1]),
                                mongoSettings,
                                s3,
                                s3Settings,
                                repository,
                                Clock.systemUTC())
                        .migrate(job, sampler)
                        .call();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println("migrated " + summary.counts().migrated());
            System.out.println("quarantined " + summary.counts().quarantined());
            System.out.println("complete " + summary.complete());
            System.out.println("seconds " + seconds);
            System.out.println("heap-live-max " + heap.maxLive());
            System.out.println("heap-live-samples " + heap.liveSamples());
            System.out.println("heap-after-gc-max " + heap.maxAfterGc());
            System.out.println("heap-pool-peaks " + heap.sumOfPoolPeaks());
        }
    }
}
