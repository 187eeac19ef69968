package io.codelog.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRules;
import io.codelog.core.LogType;
import io.codelog.core.StoredVersion;
import io.codelog.test.ConditionalCopyTargetContract;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MongoDB store's conditional copies: the shared contract, and the documents only MongoDB has (a Go document
 * without {@code updated_at}, with a string {@code _id}, or unreadable).
 */
@ExtendWith(TestServers.class)
class MongoConditionalCopyTest extends ConditionalCopyTargetContract<MongoCodeLogRepository> {

    private static final String ID = "65f1a2b3c4d5e6f708192a11";

    private static MongoTestDatabase database;
    private String collection;

    @BeforeAll
    static void connect(MongoTestServer server) {
        database = new MongoTestDatabase(server.connectionString());
    }

    @AfterAll
    static void disconnect() {
        database.close();
    }

    @Override
    protected MongoCodeLogRepository newStore(CodeLogRules rules) {
        collection = database.newCollectionName();
        return new MongoCodeLogRepository(
                database.template(),
                MongoCodeLogSettings.defaults().withCollection(collection).withRules(rules));
    }

    @Test
    @DisplayName("a Go document without updated_at and with a string _id is replaced in place, keeping its _id")
    void goDocumentReplacedInPlace() {
        Instant created = Instant.parse("2024-03-01T10:00:00Z");
        MongoCodeLogRepository store = newStore(CodeLogRules.defaults());
        database.template().getCollection(collection).insertOne(goDocument(ID).append("content", "from Go"));
        StoredVersion read = store.readVersion(ID);
        CodeLog copy = read.log().withContent("copied", created.plusSeconds(1));

        assertThat(store.putIfUnchanged(copy, read)).isTrue();
        assertThat(store.findById(ID)).contains(copy);
        assertThat(database.template().getCollection(collection).find().first().get("_id"))
                .isEqualTo(ID);
    }

    @Test
    @DisplayName("an unreadable document reads as unreadable, and a copy over its version replaces it")
    void unreadableDocumentReplaced() {
        MongoCodeLogRepository store = newStore(CodeLogRules.defaults());
        database.template()
                .getCollection(collection)
                .insertOne(new Document("_id", new ObjectId(ID)).append("run_id", "65f1a2b3c4d5e6f708192a3b"));
        StoredVersion read = store.readVersion(ID);
        Instant at = Instant.parse("2024-03-01T10:00:00Z");
        CodeLog copy = new CodeLog(
                ID, "65f1a2b3c4d5e6f708192a3b", "0b8e9f3a-6c2d-4f1e-9a7b-3c4d5e6f7a8b", LogType.INFO, "x", at, at);

        assertThat(read.exists()).isTrue();
        assertThat(read.log()).isNull();
        assertThat(read.problem()).contains("code_id");
        assertThat(store.putIfUnchanged(copy, read)).isTrue();
        assertThat(store.findById(ID)).contains(copy);
    }

    private static Document goDocument(String id) {
        return new Document("_id", id)
                .append("run_id", new ObjectId("65f1a2b3c4d5e6f708192a3b"))
                .append("code_id", "0b8e9f3a-6c2d-4f1e-9a7b-3c4d5e6f7a8b")
                .append("type", "info")
                .append("created_at", Date.from(Instant.parse("2024-03-01T10:00:00Z")));
    }
}
