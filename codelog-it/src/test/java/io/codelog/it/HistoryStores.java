package io.codelog.it;

import com.mongodb.client.MongoClient;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.DualWriteCodeLogRepository;
import io.codelog.core.FallbackCodeLogRepository;
import io.codelog.mongo.MongoCodeLogIdIndex;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3IdIndex;
import io.codelog.s3.UnreadableObjectListener;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Builds each store and composite a history runs against, each on fresh buckets, prefixes and collections: S3
 * through a {@link FaultProxy} with the clients' short budget, MongoDB on a server of the histories' own that can be
 * restarted.
 */
final class HistoryStores implements AutoCloseable {

    /** How the S3 store keeps its id index. */
    enum S3Index {
        POINTERS,
        MONGO,
        NONE
    }

    private final RestartableMongoServer mongoServer = RestartableMongoServer.start();
    private final AtomicLong dualWriteFailures = new AtomicLong();

    /** The MongoDB store alone. */
    HistoryStore mongo() {
        List<AutoCloseable> resources = new ArrayList<>();
        return new HistoryStore(
                "mongo", newMongo(resources), null, mongoServer, null, true, new ConcurrentLinkedQueue<>(), resources);
    }

    /** The S3 store alone on this server, its id index kept as asked. */
    HistoryStore s3(S3TestServer server, S3Index index) throws IOException {
        List<AutoCloseable> resources = new ArrayList<>();
        Queue<String> unreadable = new ConcurrentLinkedQueue<>();
        FaultProxy proxy = proxyFor(server, resources);
        boolean s3Mock = TestServers.S3MOCK.equals(server.kind());
        String name = (s3Mock ? "s3mock" : "s3") + " (id-index " + index.name().toLowerCase(Locale.ROOT) + ")";
        return new HistoryStore(
                name,
                newS3(server, proxy, index, unreadable, resources),
                proxy,
                index == S3Index.MONGO ? mongoServer : null,
                null,
                !s3Mock,
                unreadable,
                resources);
    }

    /** Fallback from one store to the other, the secondary holding old logs of the same runs. */
    HistoryStore fallback(S3TestServer server, boolean s3First) throws IOException {
        List<AutoCloseable> resources = new ArrayList<>();
        Queue<String> unreadable = new ConcurrentLinkedQueue<>();
        FaultProxy proxy = proxyFor(server, resources);
        CodeLogRepository s3 = newS3(server, proxy, S3Index.POINTERS, unreadable, resources);
        CodeLogRepository mongo = newMongo(resources);
        CodeLogRepository primary = s3First ? s3 : mongo;
        CodeLogRepository secondary = s3First ? mongo : s3;
        return new HistoryStore(
                s3First ? "fallback(s3, mongo)" : "fallback(mongo, s3)",
                new FallbackCodeLogRepository(primary, secondary),
                proxy,
                mongoServer,
                secondary,
                true,
                unreadable,
                resources);
    }

    /** Dual write from one store to the other; failed copies are counted, as a repair would find them. */
    HistoryStore dualWrite(S3TestServer server, boolean s3First) throws IOException {
        List<AutoCloseable> resources = new ArrayList<>();
        Queue<String> unreadable = new ConcurrentLinkedQueue<>();
        FaultProxy proxy = proxyFor(server, resources);
        CodeLogRepository s3 = newS3(server, proxy, S3Index.POINTERS, unreadable, resources);
        CodeLogRepository mongo = newMongo(resources);
        return new HistoryStore(
                s3First ? "dual-write(s3, mongo)" : "dual-write(mongo, s3)",
                new DualWriteCodeLogRepository(
                        s3First ? s3 : mongo,
                        s3First ? mongo : s3,
                        failure -> dualWriteFailures.incrementAndGet(),
                        Clock.systemUTC()),
                proxy,
                mongoServer,
                null,
                true,
                unreadable,
                resources);
    }

    /** How many secondary writes of the dual-write stores failed and were recorded for repair. */
    long dualWriteFailures() {
        return dualWriteFailures.get();
    }

    @Override
    public void close() {
        mongoServer.close();
    }

    private FaultProxy proxyFor(S3TestServer server, List<AutoCloseable> resources) throws IOException {
        FaultProxy proxy = FaultProxy.start(server.endpoint());
        resources.add(proxy);
        return proxy;
    }

    private MongoCodeLogRepository newMongo(List<AutoCloseable> resources) {
        MongoTemplate template = newDatabase(resources);
        return new MongoCodeLogRepository(template, MongoCodeLogSettings.defaults());
    }

    private MongoTemplate newDatabase(List<AutoCloseable> resources) {
        MongoClient client = mongoServer.newClient();
        resources.add(client);
        return new MongoTemplate(
                client, "history_" + UUID.randomUUID().toString().replace("-", ""));
    }

    private S3CodeLogRepository newS3(
            S3TestServer server,
            FaultProxy proxy,
            S3Index index,
            Queue<String> unreadable,
            List<AutoCloseable> resources) {
        String bucket;
        try (S3Connection admin = S3Connection.direct(server)) {
            bucket = admin.newBucket("codelog-history");
        }
        // Without the circuit breaker an outage's calls fail after their retries, not at once by the thousand.
        S3Connection client =
                S3Connection.through(proxy.endpoint(), server, ClientBudget.SHORT.withoutCircuitBreaker());
        resources.add(client);
        S3IdIndex idIndex = switch (index) {
            case POINTERS -> S3IdIndex.pointers();
            case NONE -> S3IdIndex.none();
            case MONGO ->
                S3IdIndex.external(new MongoCodeLogIdIndex(
                        newDatabase(resources), MongoCodeLogIdIndex.DEFAULT_COLLECTION, Duration.ofDays(30)));
        };
        S3CodeLogRepository repository = new S3CodeLogRepository(
                client.client(),
                S3CodeLogSettings.builder(bucket)
                        .prefix(S3Connection.newPrefix("history"))
                        .idIndex(idIndex)
                        .onUnreadable(
                                UnreadableObjectListener.logWarning().andThen((key, reason) -> unreadable.add(key)))
                        .build());
        resources.add(repository);
        return repository;
    }
}
