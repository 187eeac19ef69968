package io.codelog.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.DualWriteFailure;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB failure log on a real server: records, reads back oldest first, removes after repair. */
@ExtendWith(TestServers.class)
class MongoDualWriteFailureLogTest {

    private static final Instant T0 = Instant.parse("2025-03-14T09:26:53.589123456Z");

    private static MongoTestDatabase database;
    private String collection;
    private MongoDualWriteFailureLog failures;

    @BeforeAll
    static void connect(MongoTestServer server) {
        database = new MongoTestDatabase(server.connectionString());
    }

    @AfterAll
    static void disconnect() {
        database.close();
    }

    @BeforeEach
    void newLog() {
        collection = database.newCollectionName();
        failures = new MongoDualWriteFailureLog(database.template(), collection);
    }

    @Test
    void recordedFailuresComeBackOldestFirstWithTheExactInstant() {
        DualWriteFailure second = failure("65f2c3a1b4d5e6f708192a3b", "update", T0.plusSeconds(1));
        DualWriteFailure first = failure("65f2c3a1b4d5e6f708192a3c", "create", T0);
        DualWriteFailure older = new DualWriteFailure(null, "deleteOlder", T0, "S3Exception: status 500");
        failures.record(second);
        failures.record(first);
        failures.record(older);

        assertThat(failures.oldest(10)).containsExactly(first, older, second);
        assertThat(failures.oldest(1)).containsExactly(first);
        assertThat(failures.count()).isEqualTo(3);
    }

    @Test
    void theDocumentHasTheDocumentedFields() {
        failures.record(failure("65f2c3a1b4d5e6f708192a3b", "put", T0));

        Document stored = database.documents(collection).find().first();
        assertThat(stored).containsKeys("log_id", "operation", "at", "at_ns", "reason");
        assertThat(stored.get("at")).isInstanceOf(java.util.Date.class);
        MongoDualWriteFailureLog byDefault = new MongoDualWriteFailureLog(database.template());
        long before = byDefault.count();
        byDefault.record(failure("65f2c3a1b4d5e6f708192a3c", "put", T0));
        assertThat(database.documents(MongoDualWriteFailureLog.DEFAULT_COLLECTION)
                        .countDocuments())
                .isEqualTo(before + 1);
        assertThat(byDefault.remove(failure("65f2c3a1b4d5e6f708192a3c", "put", T0)))
                .isTrue();
    }

    @Test
    void removeTakesOutOneRepairedFailureOnly() {
        DualWriteFailure first = failure("65f2c3a1b4d5e6f708192a3b", "create", T0);
        DualWriteFailure second = failure("65f2c3a1b4d5e6f708192a3b", "update", T0.plusSeconds(2));
        failures.record(first);
        failures.record(second);

        assertThat(failures.remove(first)).isTrue();
        assertThat(failures.remove(first)).isFalse();
        assertThat(failures.oldest(10)).containsExactly(second);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> failures.oldest(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStorageFailureIsLoggedNotThrown() {
        MongoDualWriteFailureLog unusable = new MongoDualWriteFailureLog(database.template(), "bad$name");

        // The server refuses the insert (a '$' in a collection name), which record logs instead of throwing.
        assertThatCode(() -> unusable.record(failure("65f2c3a1b4d5e6f708192a3b", "create", T0)))
                .doesNotThrowAnyException();
        assertThat(failures.count()).isZero();
    }

    private static DualWriteFailure failure(String logId, String operation, Instant at) {
        return new DualWriteFailure(logId, operation, at, "S3Exception: NoSuchBucket (status 404)");
    }
}
