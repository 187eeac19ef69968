package io.codelog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.FallbackCodeLogRepository;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * 32 writers and 8 readers against each store for {@code codelog.soak.seconds} (60 by default): no errors, no
 * read anomalies, and afterwards every acknowledged log found with its content and every run's count right.
 * Prints operations, errors and p50/p99 latency per operation.
 */
@ExtendWith(TestServers.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class SoakTest {

    private static final int WRITERS = 32;
    private static final int READERS = 8;
    private static final List<String> REPORT = Collections.synchronizedList(new ArrayList<>());

    private static MongoClient mongoClient;
    private static MongoTemplate mongo;
    private static S3Connection s3;
    private static String bucket;
    private final List<String> collections = new ArrayList<>();

    @BeforeAll
    static void connect(MongoTestServer mongoServer, S3TestServer s3Server) {
        mongoClient = MongoClients.create(mongoServer.connectionString());
        mongo = new MongoTemplate(mongoClient, "codelog_soak");
        s3 = S3Connection.direct(s3Server);
        bucket = s3.newBucket("codelog-soak");
    }

    @AfterAll
    static void printReport() {
        System.out.println("Soak: " + WRITERS + " writers, " + READERS + " readers, "
                + Soak.configuredDuration().toSeconds() + " s per store");
        System.out.println(Latencies.header());
        REPORT.forEach(System.out::print);
        mongo.getDb().drop();
        mongoClient.close();
        s3.close();
    }

    @Test
    void mongoAlone() throws Exception {
        soak("mongo", newMongoStore());
    }

    @Test
    void s3Alone() throws Exception {
        try (S3CodeLogRepository store = newS3Store()) {
            soak("s3", store);
        }
    }

    @Test
    void fallbackFromS3ToMongo() throws Exception {
        try (S3CodeLogRepository primary = newS3Store()) {
            soak("fallback(s3, mongo)", new FallbackCodeLogRepository(primary, newMongoStore()));
        }
    }

    private void soak(String label, CodeLogRepository store) throws Exception {
        Soak soak = new Soak(store, WRITERS, READERS, Soak.configuredDuration());
        soak.run();
        long lost = soak.verifyAndCountLost();

        Latencies latencies = soak.latencies();
        REPORT.add(latencies.summary(label));
        REPORT.add(String.format(
                "  %s: %d operations, %d errors, %d acknowledged, %d lost, %d read anomalies%n",
                label,
                latencies.operations(),
                latencies.errors(),
                soak.acknowledgedCount(),
                lost,
                soak.anomalies().size()));
        assertThat(soak.anomalies()).as("errors and read anomalies").isEmpty();
        assertThat(lost).as("acknowledged logs lost").isZero();
        assertThat(soak.acknowledgedCount()).isPositive();
    }

    private MongoCodeLogRepository newMongoStore() {
        String collection = "soak_" + UUID.randomUUID().toString().replace("-", "");
        collections.add(collection);
        return new MongoCodeLogRepository(mongo, MongoCodeLogSettings.defaults().withCollection(collection));
    }

    private static S3CodeLogRepository newS3Store() {
        return new S3CodeLogRepository(
                s3.client(),
                S3CodeLogSettings.builder(bucket)
                        .prefix(S3Connection.newPrefix("soak"))
                        .build());
    }
}
