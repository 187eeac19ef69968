package io.codelog.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRules;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retention deletes in bounded batches and honours the nanoseconds a BSON date cannot hold. */
@ExtendWith(TestServers.class)
class MongoDeleteOlderTest {

    private static final String RUN = "65f1a2b3c4d5e6f708192a3b";
    private static final String CODE = "65f1a2b3c4d5e6f708192a3c";
    private static final Instant CUTOFF = Instant.parse("2024-12-10T00:00:00Z");

    private static MongoTestDatabase database;

    private String collection;
    private MongoCodeLogRepository repository;

    @BeforeAll
    static void connect(MongoTestServer server) {
        database = new MongoTestDatabase(server.connectionString());
    }

    @AfterAll
    static void disconnect() {
        database.close();
    }

    @BeforeEach
    void newStore() {
        collection = database.newCollectionName();
        repository = new MongoCodeLogRepository(
                database.template(),
                MongoCodeLogSettings.defaults()
                        .withCollection(collection)
                        .withRules(CodeLogRules.defaults())
                        .withDeleteBatchSize(3));
    }

    @Test
    void deletesEveryEligibleLogInBatchesOfAtMostTheBatchSize() {
        insertAt(CUTOFF.minusSeconds(100), 10);
        insertAt(CUTOFF.plusSeconds(1), 2);

        long deleted = repository.deleteOlder(CUTOFF, 1_000);

        assertThat(deleted).isEqualTo(10);
        assertThat(repository.count(RUN, null)).isEqualTo(2);
        List<BsonDocument> deletes = database.commands("delete", collection);
        assertThat(deletes).hasSize(4);
        assertThat(deletes)
                .allSatisfy(command -> assertThat(idsDeletedBy(command)).hasSizeLessThanOrEqualTo(3));
        assertThat(database.commands("find", collection))
                .allSatisfy(command ->
                        assertThat(command.getInt32("limit").getValue()).isLessThanOrEqualTo(3));
    }

    @Test
    void stopsAtTheLimit() {
        insertAt(CUTOFF.minusSeconds(100), 10);

        assertThat(repository.deleteOlder(CUTOFF, 4)).isEqualTo(4);
        assertThat(repository.count(RUN, null)).isEqualTo(6);
        assertThat(database.commands("delete", collection))
                .extracting(command -> idsDeletedBy(command).size())
                .containsExactly(3, 1);
    }

    @Test
    void deletesTheOldestFirst() {
        List<String> oldest = insertAt(CUTOFF.minusSeconds(300), 2);
        List<String> younger = insertAt(CUTOFF.minusSeconds(200), 2);

        assertThat(repository.deleteOlder(CUTOFF, 2)).isEqualTo(2);

        assertThat(repository.listRunLogs(RUN, null, 10, 1))
                .extracting(CodeLog::id)
                .containsExactlyInAnyOrderElementsOf(younger)
                .doesNotContainAnyElementsOf(oldest);
    }

    @Test
    void comparesToTheNanosecondWithinTheCutoffMillisecond() {
        Instant cutoff = CUTOFF.plusNanos(300);
        ObjectId goShape = insertRaw(CUTOFF, null);
        ObjectId earlier = insertRaw(CUTOFF, 299);
        ObjectId atCutoff = insertRaw(CUTOFF, 300);
        ObjectId later = insertRaw(CUTOFF, 301);
        ObjectId previousMilli = insertRaw(CUTOFF.minusMillis(1), 999_999);

        assertThat(repository.deleteOlder(cutoff, 100)).isEqualTo(3);

        assertThat(repository.listRunLogs(RUN, null, 10, 1))
                .extracting(CodeLog::id)
                .containsExactly(atCutoff.toHexString(), later.toHexString());
        assertThat(List.of(goShape, earlier, previousMilli))
                .allSatisfy(
                        id -> assertThat(repository.findById(id.toHexString())).isEmpty());
    }

    @Test
    void keepsALogCreatedExactlyAtTheCutoff() {
        insertRaw(CUTOFF, null);
        insertRaw(CUTOFF, 0);

        assertThat(repository.deleteOlder(CUTOFF, 100)).isZero();
        assertThat(repository.deleteOlder(CUTOFF.plusNanos(1), 100)).isEqualTo(2);
    }

    @Test
    void acceptsCutoffsBeyondTheRangeOfABsonDate() {
        insertAt(CUTOFF, 2);

        assertThat(repository.deleteOlder(Instant.MIN, 100)).isZero();
        assertThat(repository.deleteOlder(Instant.MAX, 100)).isEqualTo(2);
    }

    private List<String> insertAt(Instant createdAt, int howMany) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < howMany; i++) {
            ids.add(insertRaw(createdAt, null).toHexString());
        }
        return ids;
    }

    private ObjectId insertRaw(Instant createdAtMillis, Integer nanos) {
        ObjectId id = new ObjectId();
        Document document = new Document("_id", id)
                .append("run_id", RUN)
                .append("code_id", CODE)
                .append("type", "info")
                .append("content", "line")
                .append("created_at", Date.from(createdAtMillis));
        if (nanos != null) {
            document.append("created_at_ns", nanos);
        }
        database.documents(collection).insertOne(document);
        return id;
    }

    private static List<?> idsDeletedBy(BsonDocument deleteCommand) {
        BsonDocument query =
                deleteCommand.getArray("deletes").get(0).asDocument().getDocument("q");
        return query.getDocument("_id").getArray("$in");
    }
}
