package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogAlreadyExistsException;
import io.codelog.core.CodeLogOrder;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.core.FallbackCodeLogRepository;
import io.codelog.core.LogType;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fallback composite over a real S3 store (primary) and a real MongoDB store (secondary) holding one run's
 * logs split between them, some in both: listings merge in order across pages, counts see each log once,
 * updates and deletes act where the log lives, and the listener hears every answer from the secondary.
 */
@ExtendWith(TestServers.class)
class FallbackMergeTest {

    private static TwoStores stores;

    private final MutableClock clock = MutableClock.at("2025-06-01T10:00:00Z");
    private final List<String> fallbackHits = new CopyOnWriteArrayList<>();
    private final String runId = new ObjectId(Date.from(clock.instant())).toHexString();
    private final String codeId = new ObjectId().toHexString();
    private final List<CodeLog> expected = new ArrayList<>();
    private CodeLogRepository primary;
    private CodeLogRepository secondary;
    private CodeLogRepository fallback;
    private CodeLog onlyInSecondary;
    private CodeLog inBoth;

    @BeforeAll
    static void open(MongoTestServer mongo, S3TestServer s3) {
        stores = new TwoStores(mongo, s3);
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    /** 12 logs a second apart: 0-4 only in the secondary, 5-7 in both, 8-11 only in the primary. */
    @BeforeEach
    void splitRunBetweenStores() {
        CodeLogRules rules = CodeLogRules.withClock(clock);
        primary = stores.newS3(rules);
        secondary = stores.newMongo(rules);
        fallback = new FallbackCodeLogRepository(primary, secondary, fallbackHits::add);
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofSeconds(1));
            CodeLog log = CodeLog.of(runId, codeId, LogType.INFO, "line " + i);
            if (i < 5) {
                expected.add(secondary.create(log));
            } else if (i < 8) {
                CodeLog stored = secondary.create(log);
                primary.put(stored);
                expected.add(stored);
            } else {
                expected.add(primary.create(log));
            }
        }
        expected.sort(CodeLogOrder.OLDEST_FIRST);
        onlyInSecondary = expected.get(2);
        inBoth = expected.get(6);
    }

    @AfterEach
    void closeStores() {
        stores.closeStores();
    }

    /** Found by the history check (codelog-it): the new log shadowed the old one, which reads no longer found. */
    @Test
    void aCreateOfAnIdOnlyTheSecondaryHoldsIsRefusedAndTheOldLogStays() {
        CodeLog sameId =
                new CodeLog(onlyInSecondary.id(), runId, codeId, LogType.ERROR, "a new log with an old id", null, null);

        assertThatThrownBy(() -> fallback.create(sameId)).isInstanceOf(CodeLogAlreadyExistsException.class);
        assertThat(primary.findById(onlyInSecondary.id())).isEmpty();
        assertThat(fallback.findById(onlyInSecondary.id())).contains(onlyInSecondary);
    }

    @Test
    void pagesMergeBothStoresInOrderWithEachLogOnce() {
        for (int limit : new int[] {1, 3, 5, 7, 12, 50}) {
            List<String> listed = new ArrayList<>();
            for (int page = 1; page <= 13; page++) {
                List<CodeLog> logs = fallback.listRunLogs(runId, null, limit, page);
                assertThat(logs.size()).as("page %d of limit %d", page, limit).isLessThanOrEqualTo(limit);
                logs.forEach(log -> listed.add(log.id()));
            }
            assertThat(listed).as("limit %d", limit).containsExactlyElementsOf(ids(expected));
        }
        assertThat(fallback.listRunLogs(runId, null, 5, 4)).isEmpty();
    }

    @Test
    void countSeesALogInBothStoresOnce() {
        assertThat(fallback.count(runId, null)).isEqualTo(12);
        assertThat(fallback.count(runId, codeId)).isEqualTo(12);
        assertThat(fallback.count(runId, new ObjectId().toHexString())).isZero();
    }

    @Test
    void aLogOnlyInTheSecondaryIsFoundUpdatedAndDeletedThere() {
        assertThat(fallback.findById(onlyInSecondary.id())).contains(onlyInSecondary);
        assertThat(fallbackHits).containsExactly("findById");

        clock.advance(Duration.ofMinutes(1));
        CodeLog updated = fallback.update(onlyInSecondary.id(), "changed");

        assertThat(updated.content()).isEqualTo("changed");
        assertThat(secondary.findById(onlyInSecondary.id()).orElseThrow().content())
                .isEqualTo("changed");
        assertThat(primary.findById(onlyInSecondary.id())).isEmpty();
        assertThat(fallbackHits).containsExactly("findById", "update");

        assertThat(fallback.delete(onlyInSecondary.id())).isTrue();
        assertThat(secondary.findById(onlyInSecondary.id())).isEmpty();
        assertThat(fallback.delete(onlyInSecondary.id())).isFalse();
        assertThat(fallback.count(runId, null)).isEqualTo(11);
    }

    @Test
    void aLogInBothStoresIsUpdatedAndDeletedInBoth() {
        clock.advance(Duration.ofMinutes(1));
        fallback.update(inBoth.id(), "changed in both");

        assertThat(primary.findById(inBoth.id()).orElseThrow().content()).isEqualTo("changed in both");
        assertThat(secondary.findById(inBoth.id()).orElseThrow().content()).isEqualTo("changed in both");
        assertThat(fallbackHits).isEmpty();

        assertThat(fallback.delete(inBoth.id())).isTrue();
        assertThat(primary.findById(inBoth.id())).isEmpty();
        assertThat(secondary.findById(inBoth.id())).isEmpty();
        assertThat(fallback.findById(inBoth.id())).isEmpty();
    }

    @Test
    void theListenerHearsOnlyAnswersFromTheSecondary() {
        CodeLog onlyInPrimary = expected.get(10);
        assertThat(fallback.findById(onlyInPrimary.id())).contains(onlyInPrimary);
        assertThat(fallback.listRunLogs(runId, null, 2, 5))
                .extracting(CodeLog::id)
                .containsExactlyElementsOf(ids(expected.subList(8, 10)));
        assertThat(fallbackHits).isEmpty();

        fallback.listRunLogs(runId, null, 2, 1);
        assertThat(fallbackHits).containsExactly("listRunLogs");
    }

    @Test
    void deleteOlderEmptiesBothStoresBeforeTheCutoff() {
        assertThat(fallback.deleteOlder(expected.get(9).createdAt(), 100)).isEqualTo(9 + 3);
        assertThat(fallback.count(runId, null)).isEqualTo(3);
        assertThat(secondary.count(runId, null)).isZero();
    }

    private static List<String> ids(List<CodeLog> logs) {
        return logs.stream().map(CodeLog::id).toList();
    }
}
