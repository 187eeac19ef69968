package io.codelog.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRules;
import io.codelog.core.ContentRules;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The documents the store writes have the Go service's shape, and documents of every past shape read back. */
@ExtendWith(TestServers.class)
class MongoDocumentShapeTest {

    private static final String RUN = "65f1a2b3c4d5e6f708192a3b";
    private static final String CODE = "65f1a2b3c4d5e6f708192a3c";
    private static final Instant NOW = Instant.parse("2024-12-10T18:04:05.123456789Z");
    private static final Instant T0 = Instant.parse("2024-12-01T08:00:00.250Z");

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
        CodeLogRules rules =
                new CodeLogRules(ContentRules.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC), IdGenerator.objectIds());
        repository = new MongoCodeLogRepository(
                database.template(),
                MongoCodeLogSettings.defaults().withCollection(collection).withRules(rules));
    }

    @Test
    void writesExactlyTheGoShapeWithTheNanosecondsBeside() {
        CodeLog stored = repository.create(CodeLog.of(RUN, CODE, LogType.ERROR, "boom"));

        BsonDocument raw = database.bson(collection).find().first();

        assertThat(raw.keySet())
                .containsExactly(
                        "_id",
                        "run_id",
                        "code_id",
                        "type",
                        "content",
                        "created_at",
                        "updated_at",
                        "created_at_ns",
                        "updated_at_ns");
        assertThat(raw.get("_id").getBsonType()).isEqualTo(BsonType.OBJECT_ID);
        assertThat(raw.getObjectId("_id").getValue().toHexString()).isEqualTo(stored.id());
        assertThat(raw.get("run_id")).isEqualTo(new org.bson.BsonString(RUN));
        assertThat(raw.get("code_id")).isEqualTo(new org.bson.BsonString(CODE));
        assertThat(raw.getString("type").getValue()).isEqualTo("error");
        assertThat(raw.getString("content").getValue()).isEqualTo("boom");
        assertThat(raw.get("created_at").getBsonType()).isEqualTo(BsonType.DATE_TIME);
        assertThat(raw.getDateTime("created_at").getValue()).isEqualTo(NOW.toEpochMilli());
        assertThat(raw.getDateTime("updated_at").getValue()).isEqualTo(NOW.toEpochMilli());
        assertThat(raw.get("created_at_ns").getBsonType()).isEqualTo(BsonType.INT32);
        assertThat(raw.getInt32("created_at_ns").getValue()).isEqualTo(456_789);
        assertThat(raw.getInt32("updated_at_ns").getValue()).isEqualTo(456_789);
        assertThat(repository.findById(stored.id())).contains(stored);
        assertThat(stored.createdAt()).isEqualTo(NOW);
    }

    @Test
    void storesAUuidIdAsAString() {
        String uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";

        repository.create(CodeLog.of(RUN, CODE, LogType.INFO, "x").withId(uuid));

        BsonDocument raw = database.bson(collection).find().first();
        assertThat(raw.get("_id").getBsonType()).isEqualTo(BsonType.STRING);
        assertThat(raw.getString("_id").getValue()).isEqualTo(uuid);
        assertThat(repository.findById(uuid.toUpperCase())).map(CodeLog::id).contains(uuid);
    }

    @Test
    void readsBothHistoricalShapesOnOnePageInOrder() {
        HistoricalLogs logs = insertHistoricalLogs();
        CodeLog ours = repository.create(CodeLog.of(RUN, CODE, LogType.DEBUG, "ours"));

        List<CodeLog> page = repository.listRunLogs(RUN, null, 10, 1);

        assertThat(page)
                .extracting(CodeLog::id)
                .containsExactly(logs.objectIdShape(), logs.stringShape(), logs.uuidId(), ours.id());
        assertThat(page).extracting(CodeLog::runId).containsOnly(RUN);
        assertThat(page).extracting(CodeLog::codeId).containsOnly(CODE);
        assertThat(repository.listRunLogs(null, CODE, 10, 1)).isEqualTo(page);
        assertThat(repository.listRunLogs(RUN, CODE, 10, 1)).isEqualTo(page);
        assertThat(repository.listRunLogs(RUN.toUpperCase(), null, 2, 2))
                .extracting(CodeLog::id)
                .containsExactly(logs.uuidId(), ours.id());
        assertThat(repository.count(RUN, null)).isEqualTo(4);
        assertThat(repository.count(null, CODE)).isEqualTo(4);
        assertThat(repository.count(RUN, CODE)).isEqualTo(4);
    }

    @Test
    void ordersLogsOfOneMillisecondByTheirNanosecondsBeforeTheirIds() {
        ObjectId smallerId = new ObjectId("65f1a2b3c4d5e6f708192a01");
        ObjectId largerId = new ObjectId("65f1a2b3c4d5e6f708192a02");
        database.documents(collection)
                .insertMany(List.of(
                        new Document("_id", smallerId)
                                .append("run_id", RUN)
                                .append("code_id", CODE)
                                .append("type", "info")
                                .append("created_at", Date.from(T0))
                                .append("created_at_ns", 900_000),
                        new Document("_id", largerId)
                                .append("run_id", RUN)
                                .append("code_id", CODE)
                                .append("type", "info")
                                .append("created_at", Date.from(T0))
                                .append("created_at_ns", 100_000)));

        assertThat(repository.listRunLogs(RUN, null, 10, 1))
                .extracting(CodeLog::id, CodeLog::createdAt)
                .containsExactly(
                        tuple(largerId.toHexString(), T0.plusNanos(100_000)),
                        tuple(smallerId.toHexString(), T0.plusNanos(900_000)));
    }

    @Test
    void readsMissingFieldsAsTheGoServiceMeantThem() {
        HistoricalLogs logs = insertHistoricalLogs();

        CodeLog objectIdShape = repository.findById(logs.objectIdShape()).orElseThrow();
        CodeLog stringShape = repository.findById(logs.stringShape()).orElseThrow();

        assertThat(objectIdShape)
                .isEqualTo(new CodeLog(logs.objectIdShape(), RUN, CODE, LogType.INFO, "legacy", T0, T0.plusSeconds(5)));
        assertThat(stringShape.updatedAt()).isEqualTo(stringShape.createdAt());
        assertThat(stringShape.createdAt()).isEqualTo(T0.plusMillis(1));
        assertThat(stringShape.type()).isEqualTo(LogType.ERROR);
        assertThat(stringShape.content()).isEqualTo("newer");
        assertThat(repository.findById(logs.uuidId()).orElseThrow().content()).isEmpty();
    }

    @Test
    void findsALogWhoseObjectIdLikeIdIsStoredAsAString() {
        String id = new ObjectId().toHexString();
        database.documents(collection)
                .insertOne(new Document("_id", id)
                        .append("run_id", RUN)
                        .append("code_id", CODE)
                        .append("type", "info")
                        .append("content", "string id")
                        .append("created_at", Date.from(T0)));

        assertThat(repository.findById(id)).map(CodeLog::content).contains("string id");
        assertThat(repository.update(id, "changed").content()).isEqualTo("changed");
        assertThat(repository.delete(id)).isTrue();
        assertThat(repository.findById(id)).isEmpty();
    }

    @Test
    void updatesAndDeletesHistoricalDocumentsWithoutChangingTheirIdShape() {
        HistoricalLogs logs = insertHistoricalLogs();

        CodeLog updated = repository.update(logs.objectIdShape(), "replaced");

        assertThat(updated.content()).isEqualTo("replaced");
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(NOW);
        BsonDocument raw = database.bson(collection)
                .find(new Document("_id", new ObjectId(logs.objectIdShape())))
                .first();
        assertThat(raw.get("run_id").getBsonType()).isEqualTo(BsonType.OBJECT_ID);
        assertThat(raw.getString("engine").getValue()).isEqualTo("go");
        assertThat(raw.getInt32("updated_at_ns").getValue()).isEqualTo(456_789);
        assertThat(repository.delete(logs.stringShape())).isTrue();
        assertThat(repository.delete(logs.uuidId())).isTrue();
        assertThat(repository.count(RUN, null)).isEqualTo(1);
        assertThat(repository.deleteOlder(T0.plusSeconds(1), 10)).isEqualTo(1);
        assertThat(repository.count(RUN, null)).isZero();
    }

    /** Inserts, at T0, T0 + 1 ms and T0 + 2 ms, one log of each shape the Go service and its predecessors left. */
    private HistoricalLogs insertHistoricalLogs() {
        ObjectId objectIdShape = new ObjectId();
        ObjectId stringShape = new ObjectId();
        String uuidId = "3b241101-e2bb-4255-8caf-4136c566a962";
        database.documents(collection)
                .insertMany(List.of(
                        new Document("_id", objectIdShape)
                                .append("run_id", new ObjectId(RUN))
                                .append("code_id", new ObjectId(CODE))
                                .append("type", "info")
                                .append("content", "legacy")
                                .append("created_at", Date.from(T0))
                                .append("updated_at", Date.from(T0.plusSeconds(5)))
                                .append("engine", "go"),
                        new Document("_id", stringShape)
                                .append("run_id", RUN)
                                .append("code_id", CODE)
                                .append("type", "error")
                                .append("content", "newer")
                                .append("created_at", Date.from(T0.plusMillis(1)))
                                .append("meta", new Document("attempt", 2)),
                        new Document("_id", uuidId)
                                .append("run_id", RUN)
                                .append("code_id", new ObjectId(CODE))
                                .append("type", "DEBUG")
                                .append("created_at", Date.from(T0.plusMillis(2)))
                                .append("updated_at", Date.from(T0.plusMillis(2)))));
        return new HistoricalLogs(objectIdShape.toHexString(), stringShape.toHexString(), uuidId);
    }

    private record HistoricalLogs(String objectIdShape, String stringShape, String uuidId) {}
}
