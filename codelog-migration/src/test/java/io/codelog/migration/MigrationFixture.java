package io.codelog.migration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.codelog.core.CodeLogRules;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3RequestCounter;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import io.codelog.testservers.TestS3Clients;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One test's stores on the shared servers: a fresh MongoDB database (dropped on close) holding the log
 * collection and the migration state, a fresh bucket, and an S3 client that counts its requests and the PUTs of
 * each key.
 */
final class MigrationFixture implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    final MongoClient mongoClient;
    final MongoTemplate mongo;
    final String databaseName;
    final S3Client s3;
    final S3RequestCounter counter = new S3RequestCounter();
    final Map<String, LongAdder> putsByKey = new ConcurrentHashMap<>();
    final String bucket;
    final MongoCodeLogSettings mongoSettings;
    final S3CodeLogSettings s3Settings;
    final S3CodeLogRepository s3Repository;
    final MongoCodeLogRepository mongoRepository;

    MigrationFixture(MongoTestServer mongoServer, S3TestServer s3Server) {
        this(mongoServer, s3Server, Clock.systemUTC());
    }

    MigrationFixture(MongoTestServer mongoServer, S3TestServer s3Server, Clock clock) {
        mongoClient = MongoClients.create(mongoServer.connectionString());
        databaseName = "migration_" + random(6);
        mongo = new MongoTemplate(mongoClient, databaseName);
        s3 = TestS3Clients.builder(s3Server)
                .overrideConfiguration(config ->
                        config.addExecutionInterceptor(counter).addExecutionInterceptor(new PutRecorder(putsByKey)))
                .build();
        bucket = "codelog-migration-" + random(6);
        s3.createBucket(request -> request.bucket(bucket));
        CodeLogRules rules = CodeLogRules.withClock(clock);
        mongoSettings =
                MongoCodeLogSettings.defaults().withCollection("codelog").withRules(rules);
        s3Settings = S3CodeLogSettings.builder(bucket)
                .prefix("tenant-a")
                .rules(rules)
                .build();
        s3Repository = new S3CodeLogRepository(s3, s3Settings);
        mongoRepository = new MongoCodeLogRepository(mongo, mongoSettings);
    }

    MongoCollection<Document> logs() {
        return mongoClient.getDatabase(databaseName).getCollection(mongoSettings.collection());
    }

    MongoCollection<Document> partitionsCollection() {
        return mongoClient.getDatabase(databaseName).getCollection(MigrationState.PARTITIONS);
    }

    MigrationEngine forward(Clock clock) {
        return MigrationEngine.mongoToS3(mongo, mongoSettings, s3, s3Settings, s3Repository, clock);
    }

    MigrationEngine rollback(Clock clock) {
        return MigrationEngine.s3ToMongo(s3, s3Settings, s3Repository, mongo, mongoSettings, clock);
    }

    /** Every key under the bucket's prefix, listed without the counting client's counter noticing. */
    List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .forEach(keys::add);
        return keys;
    }

    long putsOfAnyKeyAbove(long times) {
        return putsByKey.values().stream().filter(count -> count.sum() > times).count();
    }

    void resetCounts() {
        counter.reset();
        putsByKey.clear();
    }

    static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public void close() {
        try {
            s3Repository.close();
            mongoClient.getDatabase(databaseName).drop();
        } finally {
            mongoClient.close();
            s3.close();
        }
    }

    /** Counts the PutObject calls of each key. */
    private record PutRecorder(Map<String, LongAdder> putsByKey) implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof PutObjectRequest put) {
                putsByKey.computeIfAbsent(put.key(), key -> new LongAdder()).increment();
            }
        }
    }
}
