package io.codelog.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.s3.S3RequestCounter;
import io.codelog.testservers.MongoTestServer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the migration sections run on: a fresh MongoDB database (dropped on close) holding the store's
 * collection and the migration's state, and an S3 client; both clients count their requests.
 */
final class MigrationStores implements AutoCloseable {

    /** The collection the MongoDB store's logs are seeded in. */
    static final String COLLECTION = "codelog";

    private static final int INSERT_BATCH = 1_000;
    private static final int LOGS_PER_RUN = 100;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final MongoTestServer mongoServer;
    private final MongoCommandCounter mongoCounter = new MongoCommandCounter();
    private final S3RequestCounter s3Counter = new S3RequestCounter();
    private final MongoClient mongo;
    private final String database =
            "codelog_bench_migration_" + UUID.randomUUID().toString().substring(0, 8);
    private final S3Client s3;

    MigrationStores(MongoTestServer mongoServer, S3Endpoint s3Endpoint) {
        this.mongoServer = mongoServer;
        this.mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongoServer.connectionString()))
                .addCommandListener(mongoCounter)
                .build());
        this.s3 = s3Endpoint.client(s3Endpoint.endpoint(), s3Counter);
    }

    /**
     * Inserts {@code logs} documents in the store's shape into the collection, spread evenly over the UTC days
     * [firstDay, firstDay + days), in runs of {@value #LOGS_PER_RUN}, with {@code insertMany} batches.
     */
    void seed(LocalDate firstDay, int days, int logs) {
        SampleLogs samples = new SampleLogs(logs);
        String codeId = UUID.randomUUID().toString();
        List<Document> batch = new ArrayList<>(INSERT_BATCH);
        String runId = null;
        int written = 0;
        // Day after day and oldest first, so that the ids, generated from the instants, never repeat.
        for (int day = 0; day < days; day++) {
            int ofDay = logs / days + (day < logs % days ? 1 : 0);
            Instant dayStart =
                    firstDay.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
            long step = MILLIS_PER_DAY / Math.max(1, ofDay);
            for (int i = 0; i < ofDay; i++) {
                Instant at = dayStart.plusMillis(i * step);
                if (i % LOGS_PER_RUN == 0) {
                    runId = samples.newId(at);
                }
                batch.add(StoreDocuments.of(samples.log(runId, codeId, at)));
                written++;
                if (batch.size() == INSERT_BATCH || written == logs) {
                    logs().insertMany(batch);
                    batch = new ArrayList<>(INSERT_BATCH);
                }
            }
        }
    }

    /** The store's collection, read by the raw loop. */
    MongoCollection<Document> logs() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }

    /** A template on the database, for the engine's source and state. */
    MongoTemplate template() {
        return new MongoTemplate(mongo, database);
    }

    /** The store's settings for the seeded collection. */
    MongoCodeLogSettings mongoSettings() {
        return MongoCodeLogSettings.defaults().withCollection(COLLECTION);
    }

    /** The connection string of the MongoDB server, for a child JVM. */
    String mongoConnectionString() {
        return mongoServer.connectionString();
    }

    String database() {
        return database;
    }

    /** The S3 client, counting into {@link #s3Counter()}. */
    S3Client s3() {
        return s3;
    }

    S3RequestCounter s3Counter() {
        return s3Counter;
    }

    MongoCommandCounter mongoCounter() {
        return mongoCounter;
    }

    /** Drops the database, so that the in-memory server lets the documents go, and closes the clients. */
    @Override
    public void close() {
        try {
            mongo.getDatabase(database).drop();
        } finally {
            mongo.close();
            s3.close();
        }
    }
}
