package io.codelog.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogIdIndex;
import io.codelog.core.CodeLogJson;
import io.codelog.core.CodeLogRules;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.mongo.MongoCodeLogIdIndex;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3IdIndex;
import io.codelog.s3.S3ObjectFormat;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The S3 store with its id index in MongoDB, on both real protocols, every request counted on both clients: create
 * is 1 PutObject + 1 insert sent at the same moment, findById 1 find + 1 GetObject, delete 1 find + 1 DeleteObjects
 * + 1 delete, deleteOlder removes the entries of what it deleted, and a log the Go service wrote (no entry) is
 * still found, then gets its entry.
 */
@ExtendWith(TestServers.class)
class S3MongoIdIndexRequestsTest {

    private static final String RUN = "65f2c3a1b4d5e6f708192a3b";
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    /** How long the rendezvous of a create's two writes waits for the other one: far more than either takes. */
    private static final long RENDEZVOUS_SECONDS = 20;

    private static final AtomicReference<CyclicBarrier> rendezvous = new AtomicReference<>();
    private static S3Connection s3;
    private static MongoIndexConnection mongo;
    private static String bucket;

    private final MutableClock clock = MutableClock.at(NOW);
    private MongoCodeLogIdIndex index;
    private S3CodeLogRepository store;
    private S3ObjectFormat format;

    @BeforeAll
    static void servers(S3TestServer s3Server, MongoTestServer mongoServer) {
        s3 = S3Connection.direct(s3Server, new PutRendezvous());
        mongo = new MongoIndexConnection(mongoServer);
        mongo.onCommand(name -> {
            if (name.equals("insert")) {
                meet();
            }
        });
        bucket = s3.newBucket("codelog-mongo-index");
    }

    @AfterAll
    static void close() {
        s3.close();
        mongo.close();
    }

    @BeforeEach
    void newStore() {
        index = mongo.newIndex();
        S3CodeLogSettings settings = S3CodeLogSettings.builder(bucket)
                .prefix(S3Connection.newPrefix("requests"))
                .rules(CodeLogRules.withClock(clock))
                .idIndex(S3IdIndex.external(index))
                .build();
        store = new S3CodeLogRepository(s3.client(), settings);
        format = new S3ObjectFormat(settings);
        // The hourly legacy-root probe of the first listing is not what these cases count.
        store.count(RUN, null);
    }

    @AfterEach
    void closeStore() {
        rendezvous.set(null);
        store.close();
    }

    private static void resetCounts() {
        s3.counter().reset();
        mongo.resetCommands();
    }

    /** The S3 requests and MongoDB commands since the last reset. */
    private static Map<String, Map<String, Long>> requests() {
        return Map.of("s3", s3.counter().snapshot(), "mongo", mongo.commands());
    }

    @Test
    void aCreateIsOnePutObjectAndOneInsertInFlightAtTheSameMoment() {
        CyclicBarrier bothInFlight = new CyclicBarrier(2);
        rendezvous.set(bothInFlight);
        resetCounts();

        CodeLog created = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "hello"));

        rendezvous.set(null);
        assertThat(bothInFlight.isBroken())
                .as("the PUT and the insert each waited for the other before going out, and both came")
                .isFalse();
        assertThat(requests()).isEqualTo(Map.of("s3", Map.of("PutObject", 1L), "mongo", Map.of("insert", 1L)));
        assertThat(index.find(created.id()))
                .contains(new CodeLogIdIndex.Entry(created.id(), format.logKey(created), created.createdAt()));
    }

    @Test
    void aLookupIsOneFindAndOneGetObject() {
        CodeLog created = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "hello"));
        resetCounts();

        assertThat(store.findById(created.id())).contains(created);

        assertThat(requests()).isEqualTo(Map.of("s3", Map.of("GetObject", 1L), "mongo", Map.of("find", 1L)));
    }

    @Test
    void aDeleteIsOneFindOneDeleteObjectsAndOneDelete() {
        CodeLog created = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "hello"));
        resetCounts();

        assertThat(store.delete(created.id())).isTrue();

        assertThat(requests())
                .isEqualTo(Map.of("s3", Map.of("DeleteObjects", 1L), "mongo", Map.of("find", 1L, "delete", 1L)));
        assertThat(index.find(created.id())).isEmpty();
        assertThat(store.findById(created.id())).isEmpty();
    }

    @Test
    void deleteOlderRemovesTheEntriesOfWhatItDeletedInOneDelete() {
        List<CodeLog> old = new ArrayList<>();
        for (int day = 12; day > 5; day--) {
            clock.set(NOW.minus(Duration.ofDays(day)));
            old.add(store.create(CodeLog.of(RUN, CODE, LogType.INFO, "old " + day)));
        }
        clock.set(NOW);
        CodeLog recent = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "recent"));
        resetCounts();

        assertThat(store.deleteOlder(NOW.minus(Duration.ofDays(3)), 1_000)).isEqualTo(old.size());

        assertThat(mongo.commands()).isEqualTo(Map.of("delete", 1L));
        for (CodeLog gone : old) {
            assertThat(index.find(gone.id())).as(gone.id()).isEmpty();
        }
        assertThat(index.find(recent.id())).isPresent();
    }

    @Test
    void aLogTheGoServiceWroteWithoutAnEntryIsFoundBySearchThenGetsOne() {
        CodeLog goLog =
                new CodeLog(IdGenerator.objectIds().newId(NOW), RUN, CODE, LogType.INFO, "written by Go", NOW, NOW);
        s3.client()
                .putObject(
                        request -> request.bucket(bucket).key(format.logKey(goLog)),
                        RequestBody.fromBytes(new CodeLogJson().write(goLog)));
        resetCounts();

        assertThat(store.findById(goLog.id())).contains(goLog);

        assertThat(s3.counter().count("ListObjectsV2")).as("the bounded search").isPositive();
        assertThat(mongo.commands()).as("1 find, then the entry upserted").containsEntry("update", 1L);
        assertThat(index.find(goLog.id()).map(CodeLogIdIndex.Entry::location)).contains(format.logKey(goLog));
        resetCounts();
        assertThat(store.findById(goLog.id())).contains(goLog);
        assertThat(requests()).isEqualTo(Map.of("s3", Map.of("GetObject", 1L), "mongo", Map.of("find", 1L)));
    }

    /**
     * Waits for the other write of a create, when a case set a rendezvous: returns once both are in flight, or
     * breaks the rendezvous when the other never comes (as when the writes run one after the other).
     */
    private static void meet() {
        CyclicBarrier barrier = rendezvous.get();
        if (barrier == null) {
            return;
        }
        try {
            barrier.await(RENDEZVOUS_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | BrokenBarrierException e) {
            // The barrier is broken now, which the case asserts.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Meets the insert when a PutObject is about to be sent. */
    private static final class PutRendezvous implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if ("PutObject".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                meet();
            }
        }
    }
}
