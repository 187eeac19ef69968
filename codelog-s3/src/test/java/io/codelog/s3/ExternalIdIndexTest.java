package io.codelog.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogAlreadyExistsException;
import io.codelog.core.CodeLogIdIndex;
import io.codelog.core.CodeLogJson;
import io.codelog.core.CodeLogRules;
import io.codelog.core.CodeLogStorageException;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The S3 store with an external id index: each operation's S3 requests and index calls, counted; no pointer object
 * is ever written; logs other writers left without an entry are still found; the index's failures fail the create
 * whole.
 */
@ExtendWith(TestServers.class)
class ExternalIdIndexTest {

    private static final String RUN = "65f2c3a1b4d5e6f708192a3b";
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");

    private static S3Fixture s3;
    private static String bucket;

    private final MutableClock clock = MutableClock.at(NOW);
    private final FakeIdIndex index = new FakeIdIndex();
    private String prefix;
    private S3CodeLogRepository store;
    private S3ObjectFormat format;

    @BeforeAll
    static void bucket(S3TestServer server) {
        s3 = new S3Fixture(server);
        bucket = s3.newBucket("codelog-external-index");
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @BeforeEach
    void newStore() {
        prefix = S3Fixture.newPrefix("external");
        S3CodeLogSettings settings = S3CodeLogSettings.builder(bucket)
                .prefix(prefix)
                .rules(CodeLogRules.withClock(clock))
                .idIndex(S3IdIndex.external(index))
                .build();
        store = new S3CodeLogRepository(s3.client, settings);
        format = new S3ObjectFormat(settings);
        // The legacy-root probe of the first listing is not what these cases count.
        store.count(RUN, null);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void resetCounts() {
        s3.counter.reset();
        index.resetCalls();
    }

    @Test
    void aCreateIsOnePutAndOneInsertAndWritesNoPointer() {
        resetCounts();

        CodeLog created = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "hello"));

        assertThat(s3.counter.snapshot()).containsExactly(Map.entry("PutObject", 1L));
        assertThat(index.calls("insert")).isEqualTo(1);
        assertThat(index.totalCalls()).isEqualTo(1);
        assertThat(index.entries.get(created.id()))
                .isEqualTo(new CodeLogIdIndex.Entry(created.id(), format.logKey(created), created.createdAt()));
        assertThat(s3.keys(bucket, prefix)).containsExactly(format.logKey(created));
    }

    @Test
    void aLookupIsOneFindAndOneGet() {
        CodeLog created = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "hello"));
        resetCounts();

        assertThat(store.findById(created.id())).contains(created);

        assertThat(s3.counter.snapshot()).containsExactly(Map.entry("GetObject", 1L));
        assertThat(index.calls("find")).isEqualTo(1);
        assertThat(index.totalCalls()).isEqualTo(1);
    }

    @Test
    void aDeleteIsOneFindOneDeleteObjectsAndOneDeleteOfTheEntry() {
        CodeLog created = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "hello"));
        resetCounts();

        assertThat(store.delete(created.id())).isTrue();

        assertThat(s3.counter.snapshot()).containsExactly(Map.entry("DeleteObjects", 1L));
        assertThat(index.calls("find")).isEqualTo(1);
        assertThat(index.calls("delete")).isEqualTo(1);
        assertThat(index.totalCalls()).isEqualTo(2);
        assertThat(index.entries).doesNotContainKey(created.id());
        assertThat(s3.keys(bucket, prefix)).isEmpty();
    }

    @Test
    void deleteOlderRemovesTheEntriesOfTheLogsItDeletedAndNoOthers() {
        List<CodeLog> old = new ArrayList<>();
        for (int day = 10; day > 5; day--) {
            clock.set(NOW.minus(Duration.ofDays(day)));
            old.add(store.create(CodeLog.of(RUN, CODE, LogType.INFO, "old " + day)));
        }
        clock.set(NOW);
        CodeLog recent = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "recent"));
        resetCounts();

        assertThat(store.deleteOlder(NOW.minus(Duration.ofDays(3)), 100)).isEqualTo(old.size());

        assertThat(index.calls("delete")).as("one delete for all of them").isEqualTo(1);
        assertThat(index.entries).containsOnlyKeys(recent.id());
        assertThat(store.findById(recent.id())).contains(recent);
    }

    @Test
    void aLogAnotherWriterLeftWithoutAnEntryIsFoundBySearchAndThenGetsOne() {
        CodeLog goLog =
                new CodeLog(IdGenerator.objectIds().newId(NOW), RUN, CODE, LogType.INFO, "written by Go", NOW, NOW);
        s3.client.putObject(
                request -> request.bucket(bucket).key(format.logKey(goLog)),
                RequestBody.fromBytes(new CodeLogJson().write(goLog)));
        resetCounts();

        assertThat(store.findById(goLog.id())).contains(goLog);
        assertThat(s3.counter.count("ListObjectsV2")).as("the bounded search").isPositive();
        assertThat(index.calls("upsert")).as("the log found gets its entry").isEqualTo(1);
        assertThat(index.entries.get(goLog.id()).location()).isEqualTo(format.logKey(goLog));

        resetCounts();
        assertThat(store.findById(goLog.id())).contains(goLog);
        assertThat(s3.counter.snapshot()).containsExactly(Map.entry("GetObject", 1L));
        assertThat(index.calls("find")).isEqualTo(1);
    }

    @Test
    void aSecondCreateOfAnIdIsRefusedWhereverItsKeyWouldBe() {
        CodeLog first =
                store.create(CodeLog.of(RUN, CODE, LogType.INFO, "first").withId("65f2c3a1b4d5e6f708192a02"));
        String otherRun = "65f2c3a1b4d5e6f708192a3c";

        assertThatThrownBy(() -> store.create(
                        CodeLog.of(otherRun, CODE, LogType.INFO, "second").withId(first.id())))
                .isInstanceOf(CodeLogAlreadyExistsException.class);

        assertThat(store.findById(first.id())).contains(first);
        assertThat(s3.keys(bucket, prefix))
                .as("the second log's object was undone")
                .containsExactly(format.logKey(first));
    }

    @Test
    void aPutWritesTheLogAndUpsertsItsEntry() {
        CodeLog log = new CodeLog("65f2c3a1b4d5e6f708192a03", RUN, CODE, LogType.INFO, "migrated", NOW, NOW);
        resetCounts();

        store.put(log);

        assertThat(s3.counter.snapshot()).containsExactly(Map.entry("PutObject", 1L));
        assertThat(index.calls("upsert")).isEqualTo(1);
        assertThat(index.entries.get(log.id()).location()).isEqualTo(format.logKey(log));
    }

    @Test
    void anEntryNamingALogThatIsGoneIsRemovedAndTheLogIsNotFound() {
        CodeLog created = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "hello"));
        s3.client.deleteObject(request -> request.bucket(bucket).key(format.logKey(created)));

        assertThat(store.findById(created.id())).isEmpty();

        assertThat(index.entries).doesNotContainKey(created.id());
    }

    @Test
    void whenTheIndexCannotBeWrittenTheCreateFailsAndLeavesNoLog() {
        index.failing.set(true);

        assertThatThrownBy(() -> store.create(CodeLog.of(RUN, CODE, LogType.INFO, "lost")))
                .isInstanceOf(CodeLogStorageException.class)
                .hasMessageContaining("unreachable");

        assertThat(s3.keys(bucket, prefix)).as("the log's PUT was undone").isEmpty();
        index.failing.set(false);
        assertThat(store.count(RUN, null)).isZero();
    }

    @Test
    void whenTheIndexCannotBeReadALookupFailsRatherThanSearchTheBucket() {
        CodeLog created = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "hello"));
        index.failing.set(true);
        resetCounts();

        assertThatThrownBy(() -> store.findById(created.id())).isInstanceOf(CodeLogStorageException.class);

        assertThat(s3.counter.total()).isZero();
    }
}
