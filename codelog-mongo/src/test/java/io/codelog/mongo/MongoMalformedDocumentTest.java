package io.codelog.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import io.codelog.core.MalformedCodeLogException;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Unreadable documents are skipped by listings without breaking the page, and surface from lookups. */
@ExtendWith(TestServers.class)
class MongoMalformedDocumentTest {

    private static final String RUN = "65f1a2b3c4d5e6f708192a3b";
    private static final String CODE = "65f1a2b3c4d5e6f708192a3c";
    private static final Instant T0 = Instant.parse("2024-12-01T08:00:00Z");

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
                database.template(), MongoCodeLogSettings.defaults().withCollection(collection));
    }

    @Test
    void listingsSkipUnreadableDocumentsAndKeepTheRest() {
        ObjectId first = insert(valid(1));
        insert(valid(2).append("run_id", null));
        insert(valid(3).append("code_id", "not-an-id"));
        insert(valid(4).append("_id", "not-an-id\nFAKE LOG LINE"));
        insert(valid(5).append("_id", 42));
        insert(valid(6).append("code_id", 7));
        insert(valid(7).append("type", "warning"));
        insert(valid(8).append("created_at", "2024-12-01T08:00:08Z"));
        insert(valid(9).append("created_at_ns", 1_000_000));
        insert(valid(10).append("content", new Document("not", "text")));
        Document missingCreatedAt = valid(11);
        missingCreatedAt.remove("created_at");
        insert(missingCreatedAt);
        ObjectId last = insert(valid(12));

        List<CodeLog> byCode = repository.listRunLogs(null, CODE, 100, 1);
        List<CodeLog> byRun = repository.listRunLogs(RUN, null, 100, 1);

        assertThat(byCode).extracting(CodeLog::id).containsExactly(first.toHexString(), last.toHexString());
        assertThat(byRun).isEqualTo(byCode);
        assertThat(byCode).extracting(CodeLog::type).containsOnly(LogType.INFO);
    }

    @Test
    void aBadDocumentCostsItsPlaceOnThePageButNotTheOthers() {
        ObjectId first = insert(valid(1));
        insert(valid(2).append("type", 3));
        ObjectId third = insert(valid(3));
        ObjectId fourth = insert(valid(4));

        assertThat(repository.listRunLogs(RUN, null, 2, 1))
                .extracting(CodeLog::id)
                .containsExactly(first.toHexString());
        assertThat(repository.listRunLogs(RUN, null, 2, 2))
                .extracting(CodeLog::id)
                .containsExactly(third.toHexString(), fourth.toHexString());
    }

    @Test
    void findByIdRaisesMalformedForAnUnreadableDocument() {
        ObjectId noRun = insert(valid(1).append("run_id", null));
        ObjectId noCreatedAt = insert(valid(2).append("created_at", null));

        assertThatThrownBy(() -> repository.findById(noRun.toHexString()))
                .isInstanceOf(MalformedCodeLogException.class)
                .hasMessageContaining("run_id");
        assertThatThrownBy(() -> repository.findById(noCreatedAt.toHexString()))
                .isInstanceOf(MalformedCodeLogException.class)
                .hasMessageContaining("created_at");
    }

    @Test
    void updateLeavesAnUnreadableDocumentAsItWas() {
        ObjectId noRun = insert(valid(1).append("run_id", null).append("content", "kept"));

        assertThatThrownBy(() -> repository.update(noRun.toHexString(), "new"))
                .isInstanceOf(MalformedCodeLogException.class);
        assertThat(database.documents(collection)
                        .find(new Document("_id", noRun))
                        .first()
                        .getString("content"))
                .isEqualTo("kept");
    }

    @Test
    void describesStoredIdsWithoutLettingThemForgeLogLines() {
        assertThat(CodeLogPageReader.describeId(new ObjectId("65f1a2b3c4d5e6f708192a3b")))
                .isEqualTo("65f1a2b3c4d5e6f708192a3b");
        assertThat(CodeLogPageReader.describeId("bad\nid")).isEqualTo("\"bad\\u000aid\"");
        assertThat(CodeLogPageReader.describeId("x".repeat(100))).isEqualTo("a string of 100 characters");
        assertThat(CodeLogPageReader.describeId(new Document("secret", "value")))
                .isEqualTo("a Document");
        assertThat(CodeLogPageReader.describeId(null)).isEqualTo("(no _id)");
    }

    /** A readable Go-shape document created {@code second} seconds after T0. */
    private static Document valid(int second) {
        return new Document("_id", new ObjectId())
                .append("run_id", RUN)
                .append("code_id", CODE)
                .append("type", "info")
                .append("content", "line " + second)
                .append("created_at", Date.from(T0.plusSeconds(second)));
    }

    private ObjectId insert(Document document) {
        database.documents(collection).insertOne(document);
        Object id = document.get("_id");
        return id instanceof ObjectId objectId ? objectId : null;
    }
}
