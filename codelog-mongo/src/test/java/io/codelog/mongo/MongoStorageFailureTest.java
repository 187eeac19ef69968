package io.codelog.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogStorageException;
import io.codelog.core.InvalidCodeLogException;
import io.codelog.core.LogType;
import io.codelog.testservers.LoopbackPorts;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With no server answering, every operation fails with a storage exception naming the operation and the
 * collection but not the connection string, and invalid input is still refused before any I/O is tried.
 */
class MongoStorageFailureTest {

    private static final String RUN = "65f1a2b3c4d5e6f708192a3b";
    private static final String PASSWORD = "s3cret-Pa55";
    private static final String COLLECTION = "codelog_unreachable";

    private static MongoTestDatabase unreachable;
    private static int port;

    @BeforeAll
    static void connectToNothing() throws IOException {
        port = LoopbackPorts.free();
        unreachable = new MongoTestDatabase("mongodb://codelog:" + PASSWORD + "@127.0.0.1:" + port
                + "/codelog_test?serverSelectionTimeoutMS=200&connectTimeoutMS=200");
    }

    @AfterAll
    static void disconnect() {
        unreachable.close();
    }

    @Test
    void constructionFailsWhenTheIndexesCannotBeCreated() {
        assertStorageFailure(
                () -> new MongoCodeLogRepository(
                        unreachable.template(), MongoCodeLogSettings.defaults().withCollection(COLLECTION)),
                "createIndexes");
    }

    @Test
    void everyOperationReportsAStorageFailure() {
        MongoCodeLogRepository repository = withoutIndexes();

        assertStorageFailure(() -> repository.create(CodeLog.of(RUN, RUN, LogType.INFO, "x")), "create");
        assertStorageFailure(() -> repository.findById(RUN), "findById");
        assertStorageFailure(() -> repository.listRunLogs(RUN, null, 10, 1), "listRunLogs");
        assertStorageFailure(() -> repository.update(RUN, "y"), "update");
        assertStorageFailure(() -> repository.delete(RUN), "delete");
        assertStorageFailure(() -> repository.deleteOlder(Instant.now(), 10), "deleteOlder");
        assertStorageFailure(() -> repository.count(RUN, null), "count");
    }

    @Test
    void invalidInputIsRefusedBeforeTryingTheServer() {
        MongoCodeLogRepository repository = withoutIndexes();

        assertInvalid(() -> repository.create(CodeLog.of("run", RUN, LogType.INFO, "x")), "run_id");
        assertInvalid(() -> repository.findById("../x"), "id");
        assertInvalid(() -> repository.listRunLogs(null, null, 10, 1), "run_id");
        assertInvalid(() -> repository.listRunLogs(RUN, null, 0, 1), "limit");
        assertInvalid(() -> repository.listRunLogs(RUN, null, 10, 0), "page");
        assertInvalid(() -> repository.update(RUN, null), "content");
        assertInvalid(() -> repository.delete(""), "id");
        assertInvalid(() -> repository.deleteOlder(null, 10), "cutoff");
        assertInvalid(() -> repository.deleteOlder(Instant.now(), 0), "limit");
        assertInvalid(() -> repository.count(RUN, "code"), "code_id");
    }

    private static MongoCodeLogRepository withoutIndexes() {
        return new MongoCodeLogRepository(
                unreachable.template(),
                MongoCodeLogSettings.defaults().withCollection(COLLECTION).withCreateIndexes(false));
    }

    private static void assertStorageFailure(ThrowingCallable call, String operation) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(CodeLogStorageException.class, storageFailure(operation))
                .hasMessageContaining("collection '" + COLLECTION + "'")
                .hasMessageContaining("MongoTimeoutException")
                .hasMessageNotContaining(PASSWORD)
                .hasMessageNotContaining("codelog:")
                .hasMessageNotContaining(String.valueOf(port));
    }

    private static Consumer<CodeLogStorageException> storageFailure(String operation) {
        return e -> {
            assertThat(e.store()).isEqualTo("mongo");
            assertThat(e.operation()).isEqualTo(operation);
            assertThat(e.getCause()).isNotNull();
        };
    }

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo(field));
    }
}
