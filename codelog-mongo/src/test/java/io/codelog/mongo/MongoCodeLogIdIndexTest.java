package io.codelog.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLogIdIndex.Entry;
import io.codelog.core.CodeLogStorageException;
import io.codelog.core.MalformedCodeLogException;
import io.codelog.test.TestServers;
import io.codelog.testservers.LoopbackPorts;
import io.codelog.testservers.MongoTestServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.mongodb.core.index.IndexInfo;

/**
 * The MongoDB id index on a real server: an id gets one entry however many inserts race for it, entries are small,
 * deletes are batched, and the TTL index follows the expiry it is given (its definition is checked; the embedded
 * server never expires documents).
 */
@ExtendWith(TestServers.class)
class MongoCodeLogIdIndexTest {

    private static final Instant CREATED = Instant.parse("2026-12-06T10:15:30.123456789Z");
    private static final String RUN = "6752cf5a1e2b3c4d5e6f7081";
    private static final String CODE = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static MongoTestDatabase database;
    /**
     * The TTL case drops the TTL index, and the embedded server drops an index by name from every collection of the
     * database that has one: that case gets a database of its own.
     */
    private static MongoTestDatabase ttlDatabase;

    private String collection;
    private MongoCodeLogIdIndex index;

    @BeforeAll
    static void connect(MongoTestServer server) {
        database = new MongoTestDatabase(server.connectionString());
        ttlDatabase = new MongoTestDatabase(server.connectionString() + "/codelog_ttl_test");
    }

    @AfterAll
    static void disconnect() {
        try {
            database.close();
        } finally {
            ttlDatabase.close();
        }
    }

    @BeforeEach
    void newIndex() {
        collection = database.newCollectionName();
        index = new MongoCodeLogIdIndex(database.template(), collection, Duration.ofDays(30));
    }

    private static Entry entry(String id) {
        return entry(id, "codeactions/logs/2026/12/06/" + RUN + "/" + CODE + "/" + id + ".json");
    }

    private static Entry entry(String id, String location) {
        return new Entry(id, location, CREATED);
    }

    @Test
    void anInsertWritesTheEntryOnceAndRefusesAnIdThatHasOne() {
        String id = new ObjectId().toHexString();

        assertThat(index.insert(entry(id))).isTrue();
        assertThat(index.insert(entry(id, "elsewhere/" + id + ".json"))).isFalse();

        assertThat(index.find(id))
                .as("the first entry stays, to the millisecond of createdAt")
                .contains(new Entry(id, entry(id).location(), Instant.parse("2026-12-06T10:15:30.123Z")));
        assertThat(database.commands("insert", collection)).hasSize(2);
        assertThat(database.commands("find", collection)).hasSize(1);
    }

    @Test
    void ofInsertsRacingForOneIdExactlyOneWins() throws Exception {
        int writers = 8;
        for (int round = 0; round < 5; round++) {
            String id = new ObjectId().toHexString();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<Boolean>> inserts = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    String location = "w" + w + "/" + id + ".json";
                    Callable<Boolean> insert = () -> {
                        start.await();
                        return index.insert(entry(id, location));
                    };
                    inserts.add(pool.submit(insert));
                }
                start.countDown();
                List<Boolean> results = new ArrayList<>();
                for (Future<Boolean> insert : inserts) {
                    results.add(insert.get());
                }
                assertThat(results).containsOnlyOnce(true);
                String winner = "w" + results.indexOf(true) + "/" + id + ".json";
                assertThat(index.find(id).map(Entry::location)).contains(winner);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anUpsertWritesANewEntryOrReplacesTheOldOne() {
        String id = new ObjectId().toHexString();

        index.upsert(entry(id, "first/" + id + ".json"));
        index.upsert(entry(id, "second/" + id + ".json"));

        assertThat(index.find(id).map(Entry::location)).contains("second/" + id + ".json");
        assertThat(database.documents(collection).countDocuments()).isEqualTo(1);
        assertThat(database.commands("update", collection))
                .as("one round trip each, no read first")
                .hasSize(2);
    }

    @Test
    void anIdWithoutAnEntryIsEmpty() {
        assertThat(index.find(new ObjectId().toHexString())).isEmpty();
    }

    @Test
    void deleteRemovesTheEntriesOfTheIdsInCommandsOfAThousandIdsAtMost() {
        List<String> ids = IntStream.range(0, MongoCodeLogIdIndex.MAX_IDS_PER_DELETE + 1)
                .mapToObj(i -> new ObjectId().toHexString())
                .toList();
        database.documents(collection)
                .insertMany(ids.stream()
                        .map(id -> MongoCodeLogIdIndex.toDocument(entry(id)))
                        .toList());
        String kept = new ObjectId().toHexString();
        index.insert(entry(kept));
        List<String> doomed = new ArrayList<>(ids);
        doomed.add(new ObjectId().toHexString()); // has no entry: ignored

        index.delete(doomed);

        assertThat(database.documents(collection).countDocuments()).isEqualTo(1);
        assertThat(index.find(kept)).isPresent();
        assertThat(database.commands("delete", collection)).hasSize(2);
        index.delete(List.of(kept));
        assertThat(index.find(kept)).isEmpty();
        index.delete(List.of());
        assertThat(database.commands("delete", collection))
                .as("nothing to delete sends nothing")
                .hasSize(3);
    }

    @Test
    void anEntryIsTheIdTheKeyAndTheCreationDateInUnder200Bytes() {
        String id = new ObjectId().toHexString();
        index.insert(entry(id));

        Document stored = database.documents(collection).find().first();
        assertThat(stored).containsOnlyKeys("_id", "key", "created_at");
        assertThat(stored.get("_id")).isEqualTo(id);
        assertThat(stored.get("created_at")).isInstanceOf(java.util.Date.class);
        RawBsonDocument raw = database.documents(collection)
                .withDocumentClass(RawBsonDocument.class)
                .find()
                .first();
        assertThat(raw.getByteBuffer().remaining()).isLessThan(200);
    }

    @Test
    void theTtlIndexOnCreatedAtFollowsTheExpiryGiven() {
        String ttlCollection = ttlDatabase.newCollectionName();
        new MongoCodeLogIdIndex(ttlDatabase.template(), ttlCollection, Duration.ofDays(30));
        assertThat(ttlIndex(ttlCollection)).hasValueSatisfying(ttl -> {
            assertThat(ttl.getExpireAfter()).contains(Duration.ofDays(30));
            assertThat(ttl.getIndexFields()).extracting(field -> field.getKey()).containsExactly("created_at");
        });

        new MongoCodeLogIdIndex(ttlDatabase.template(), ttlCollection, Duration.ofDays(30));
        assertThat(ttlDatabase.commands("dropIndexes", ttlCollection))
                .as("the same expiry again changes nothing")
                .isEmpty();

        new MongoCodeLogIdIndex(ttlDatabase.template(), ttlCollection, Duration.ofDays(7));
        assertThat(ttlIndex(ttlCollection))
                .hasValueSatisfying(ttl -> assertThat(ttl.getExpireAfter()).contains(Duration.ofDays(7)));

        new MongoCodeLogIdIndex(ttlDatabase.template(), ttlCollection, null, false);
        assertThat(ttlIndex(ttlCollection))
                .as("an index that may not touch indexes leaves the TTL as it is")
                .isPresent();

        new MongoCodeLogIdIndex(ttlDatabase.template(), ttlCollection, null);
        assertThat(ttlIndex(ttlCollection))
                .as("no expiry: entries are kept until deleted")
                .isEmpty();
    }

    @Test
    void anEntryWithoutAKeyIsReportedAsUnreadableNamingTheCollection() {
        String id = new ObjectId().toHexString();
        database.documents(collection).insertOne(new Document("_id", id).append("key", 42));

        assertThatThrownBy(() -> index.find(id))
                .isInstanceOf(MalformedCodeLogException.class)
                .hasMessageContaining(collection)
                .hasMessageContaining(id);
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> new MongoCodeLogIdIndex(database.template(), " ", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collection");
        assertThatThrownBy(() -> new MongoCodeLogIdIndex(database.template(), collection, Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expireAfter");
    }

    @Test
    void anUnreachableServerIsAStorageFailureNamingTheCollectionButNotTheConnectionString() throws IOException {
        int port = LoopbackPorts.free();
        try (MongoTestDatabase unreachable = new MongoTestDatabase("mongodb://codelog:pa55word@127.0.0.1:" + port
                + "/codelog_test?serverSelectionTimeoutMS=200&connectTimeoutMS=200")) {
            MongoCodeLogIdIndex offline =
                    new MongoCodeLogIdIndex(unreachable.template(), "codelog_id_index", null, false);
            String id = new ObjectId().toHexString();
            for (Runnable call : List.<Runnable>of(
                    () -> offline.insert(entry(id)),
                    () -> offline.upsert(entry(id)),
                    () -> offline.find(id),
                    () -> offline.delete(List.of(id)))) {
                assertThatThrownBy(call::run)
                        .isInstanceOfSatisfying(
                                CodeLogStorageException.class,
                                e -> assertThat(e.store()).isEqualTo("mongo"))
                        .hasMessageContaining("codelog_id_index")
                        .hasMessageNotContaining("pa55word");
            }
            assertThatThrownBy(() -> new MongoCodeLogIdIndex(unreachable.template(), "codelog_id_index", null))
                    .isInstanceOf(CodeLogStorageException.class)
                    .hasMessageContaining("idIndex.ttl");
        }
    }

    private static Optional<IndexInfo> ttlIndex(String collection) {
        return ttlDatabase.template().indexOps(collection).getIndexInfo().stream()
                .filter(info -> MongoCodeLogIdIndex.TTL_INDEX.equals(info.getName()))
                .findFirst();
    }
}
