package io.codelog.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogAlreadyExistsException;
import io.codelog.core.CodeLogJson;
import io.codelog.core.CodeLogNotFoundException;
import io.codelog.core.CodeLogRules;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * What the S3 store's writes do to objects other writers left or took away behind its back: a log deleted by a
 * lifecycle rule or the Go cleaner is never written again by an update, a log the Go service wrote is never
 * overwritten by a create of its id, and a pointer naming a log that is gone does not block its id.
 */
@ExtendWith(TestServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3WritePathTest {

    private static final String RUN = "65f2c3a1b4d5e6f708192a3b";
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");

    private S3Fixture s3;
    private String bucket;

    private final MutableClock clock = MutableClock.at(NOW);
    private String prefix;
    private S3CodeLogRepository store;
    private S3ObjectFormat format;

    @BeforeAll
    void bucket(S3TestServer server) {
        s3 = new S3Fixture(server);
        bucket = s3.newBucket("codelog-write-path");
    }

    @AfterAll
    void closeClient() {
        s3.close();
    }

    @BeforeEach
    void newStore() {
        prefix = S3Fixture.newPrefix("writes");
        S3CodeLogSettings settings = S3CodeLogSettings.builder(bucket)
                .prefix(prefix)
                .rules(CodeLogRules.withClock(clock))
                .build();
        store = new S3CodeLogRepository(s3.client, settings);
        format = new S3ObjectFormat(settings);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void anUpdateOfALogDeletedBehindTheStoresBackThrowsAndWritesNothing() {
        CodeLog created = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "before"));
        String key = format.logKey(created);
        s3.client.deleteObject(request -> request.bucket(bucket).key(key));

        assertThatThrownBy(() -> store.update(created.id(), "back from the dead"))
                .isInstanceOf(CodeLogNotFoundException.class);
        assertThat(s3.exists(bucket, key)).as("the log object").isFalse();
        assertThat(s3.exists(bucket, format.indexKey(created.id())))
                .as("its pointer, which named a log that is gone")
                .isFalse();
        assertThat(store.count(RUN, null)).isZero();
    }

    @Test
    void aCreateOfAnIdTheGoServiceWroteRefusesAndLeavesItsObjectAlone() {
        CodeLog goLog = new CodeLog("65f2c3a1b4d5e6f708192a01", RUN, CODE, LogType.INFO, "written by Go", NOW, NOW);
        String key = format.logKey(goLog);
        byte[] goBody = new CodeLogJson().write(goLog);
        s3.client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(goBody));

        assertThatThrownBy(() -> store.create(
                        CodeLog.of(RUN, CODE, LogType.ERROR, "from codelog").withId(goLog.id())))
                .isInstanceOf(CodeLogAlreadyExistsException.class);
        assertThat(s3.client
                        .getObjectAsBytes(request -> request.bucket(bucket).key(key))
                        .asString(StandardCharsets.UTF_8))
                .isEqualTo(new String(goBody, StandardCharsets.UTF_8));
    }

    @Test
    void aPointerNamingALogThatIsGoneDoesNotKeepItsIdFromBeingCreated() {
        CodeLog first =
                store.create(CodeLog.of(RUN, CODE, LogType.INFO, "first").withId("65f2c3a1b4d5e6f708192a02"));
        s3.client.deleteObject(request -> request.bucket(bucket).key(format.logKey(first)));
        String otherRun = "65f2c3a1b4d5e6f708192a3c";

        CodeLog again =
                store.create(CodeLog.of(otherRun, CODE, LogType.INFO, "again").withId(first.id()));

        assertThat(store.findById(first.id())).contains(again);
        assertThat(store.listRunLogs(otherRun, null, 10, 1)).containsExactly(again);
    }

    @Test
    void withoutTheIdIndexACreateStillNeverOverwritesItsKey() {
        try (S3CodeLogRepository noIndex = new S3CodeLogRepository(
                s3.client,
                S3CodeLogSettings.builder(bucket)
                        .prefix(prefix)
                        .rules(CodeLogRules.withClock(clock))
                        .idIndex(false)
                        .build())) {
            String id = IdGenerator.objectIds().newId(NOW);
            CodeLog first =
                    noIndex.create(CodeLog.of(RUN, CODE, LogType.INFO, "first").withId(id));

            assertThatThrownBy(() -> noIndex.create(
                            CodeLog.of(RUN, CODE, LogType.INFO, "second").withId(first.id())))
                    .isInstanceOf(CodeLogAlreadyExistsException.class);
            assertThat(noIndex.findById(first.id())).contains(first);
        }
    }

    @Test
    void putStillReplacesTheLogWhole() {
        CodeLog created = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "created"));
        CodeLog replaced = new CodeLog(
                created.id(), RUN, CODE, LogType.ERROR, "replaced", created.createdAt(), NOW.plusSeconds(5));

        store.put(replaced);

        assertThat(store.findById(created.id())).contains(replaced);
    }
}
