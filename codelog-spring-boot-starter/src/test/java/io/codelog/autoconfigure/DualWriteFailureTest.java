package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.core.DualWriteCodeLogRepository;
import io.codelog.core.DualWriteFailure;
import io.codelog.core.LogType;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dual write with a secondary S3 store whose bucket does not exist, so every copy really fails on the server:
 * the caller's writes succeed on the primary MongoDB store and each failed copy is recorded.
 */
@ExtendWith(TestServers.class)
class DualWriteFailureTest {

    private static final String RUN_ID = "65f2c3a1b4d5e6f708192a3c";
    private static final String CODE_ID = "65f2c3a1b4d5e6f708192a3d";

    private static TwoStores stores;

    private final MutableClock clock = MutableClock.at("2025-06-01T10:00:00Z");
    private final List<DualWriteFailure> failures = new CopyOnWriteArrayList<>();
    private CodeLogRepository primary;
    private CodeLogRepository dualWrite;

    @BeforeAll
    static void open(MongoTestServer mongo, S3TestServer s3) {
        stores = new TwoStores(mongo, s3);
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    @BeforeEach
    void storesWithABrokenSecondary() {
        CodeLogRules rules = CodeLogRules.withClock(clock);
        primary = stores.newMongo(rules);
        CodeLogRepository missingBucket = stores.newS3(rules, "codelog-missing-" + TestStores.uniqueName());
        dualWrite = new DualWriteCodeLogRepository(primary, missingBucket, failures::add, clock);
    }

    @AfterEach
    void closeStores() {
        stores.closeStores();
    }

    @Test
    void everyWriteSucceedsOnThePrimaryAndEveryFailedCopyIsRecorded() {
        CodeLog created = dualWrite.create(CodeLog.of(RUN_ID, CODE_ID, LogType.INFO, "secret output"));
        Instant createdAt = clock.instant();
        clock.advance(Duration.ofSeconds(5));
        CodeLog updated = dualWrite.update(created.id(), "more secret output");
        boolean deleted = dualWrite.delete(created.id());
        long olderDeleted = dualWrite.deleteOlder(clock.instant(), 10);

        assertThat(updated.content()).isEqualTo("more secret output");
        assertThat(deleted).isTrue();
        assertThat(olderDeleted).isZero();
        assertThat(primary.findById(created.id())).isEmpty();
        assertThat(failures)
                .extracting(DualWriteFailure::operation)
                .containsExactly("create", "update", "delete", "deleteOlder");
        assertThat(failures)
                .extracting(DualWriteFailure::logId)
                .containsExactly(created.id(), created.id(), created.id(), null);
        assertThat(failures.get(0).at()).isEqualTo(createdAt);
        assertThat(failures)
                .allSatisfy(failure -> assertThat(failure.reason()).isNotBlank().doesNotContain("secret output"));
    }

    @Test
    void putKeepsTheLogOnThePrimaryAndRecordsTheFailedCopy() {
        CodeLog log = new CodeLog(
                "65f2c3a1b4d5e6f708192a3b",
                RUN_ID,
                CODE_ID,
                LogType.ERROR,
                "copied",
                Instant.parse("2025-05-01T00:00:00Z"),
                Instant.parse("2025-05-01T00:00:01Z"));

        assertThat(dualWrite.put(log)).isEqualTo(log);
        assertThat(dualWrite.findById(log.id())).contains(log);
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.operation()).isEqualTo("put");
            assertThat(failure.logId()).isEqualTo(log.id());
        });
    }
}
