package io.codelog.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogJson;
import io.codelog.core.CodeLogRules;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.time.Duration;
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
 * findById answers from the listings of its days made within the lookup cache's time to live: a log this store
 * writes is found at once, a log another writer put there without an index entry is found once that listing is
 * older than the time to live, and update and delete never wait for it.
 */
@ExtendWith(TestServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DayListingLookupTest {

    private static final String RUN = IdGenerator.objectIds().newId(Instant.parse("2025-03-14T09:00:00Z"));
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    private static final Duration TTL = Duration.ofSeconds(30);

    private S3Fixture s3;
    private String bucket;

    private final MutableClock clock = MutableClock.at(NOW);
    private S3CodeLogRepository store;
    private S3ObjectFormat format;

    @BeforeAll
    void bucket(S3TestServer server) {
        s3 = new S3Fixture(server);
        bucket = s3.newBucket("codelog-day-listings");
    }

    @AfterAll
    void closeClient() {
        s3.close();
    }

    @BeforeEach
    void newStore() {
        S3CodeLogSettings settings = S3CodeLogSettings.builder(bucket)
                .prefix(S3Fixture.newPrefix("lookups"))
                .rules(CodeLogRules.withClock(clock))
                .lookupCacheTtl(TTL)
                .build();
        store = new S3CodeLogRepository(s3.client, settings);
        format = new S3ObjectFormat(settings);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aLogAnotherWriterPutThereIsFoundOnceTheListingOfItsDayIsOlderThanTheTimeToLive() {
        CodeLog goLog = goLog(IdGenerator.objectIds().newId(NOW));
        assertThat(store.findById(goLog.id()))
                .as("before the Go service wrote it")
                .isEmpty();
        writeAsTheGoServiceDoes(goLog);

        assertThat(store.findById(goLog.id()))
                .as("within the time to live of the listing that did not hold it")
                .isEmpty();
        clock.advance(TTL);
        assertThat(store.findById(goLog.id()))
                .as("once that listing is too old")
                .contains(goLog);
    }

    @Test
    void updateAndDeleteListAfreshAndFindTheLogAtOnce() {
        CodeLog goLog = goLog(IdGenerator.objectIds().newId(NOW));
        assertThat(store.findById(goLog.id())).isEmpty();
        writeAsTheGoServiceDoes(goLog);

        assertThat(store.update(goLog.id(), "updated").content()).isEqualTo("updated");
        assertThat(store.delete(goLog.id())).isTrue();
        assertThat(store.findById(goLog.id())).isEmpty();
    }

    @Test
    void withoutAnIdIndexALogThisStoreCreatesIsFoundAtOnce() {
        try (S3CodeLogRepository noIndex = new S3CodeLogRepository(
                s3.client,
                S3CodeLogSettings.builder(bucket)
                        .prefix(S3Fixture.newPrefix("no-index"))
                        .rules(CodeLogRules.withClock(clock))
                        .idIndex(false)
                        .lookupCacheTtl(TTL)
                        .build())) {
            assertThat(noIndex.findById(IdGenerator.objectIds().newId(NOW))).isEmpty();

            CodeLog created = noIndex.create(CodeLog.of(RUN, CODE, LogType.INFO, "mine"));

            assertThat(noIndex.findById(created.id())).contains(created);
        }
    }

    @Test
    void withATimeToLiveOfZeroEveryLookupListsAfresh() {
        S3CodeLogSettings settings = S3CodeLogSettings.builder(bucket)
                .prefix(S3Fixture.newPrefix("uncached"))
                .rules(CodeLogRules.withClock(clock))
                .lookupCacheTtl(Duration.ZERO)
                .build();
        try (S3CodeLogRepository uncached = new S3CodeLogRepository(s3.client, settings)) {
            CodeLog goLog = goLog(IdGenerator.objectIds().newId(NOW));
            assertThat(uncached.findById(goLog.id())).isEmpty();
            writeAsTheGoServiceDoes(new S3ObjectFormat(settings), goLog);

            assertThat(uncached.findById(goLog.id())).contains(goLog);
        }
    }

    private CodeLog goLog(String id) {
        return new CodeLog(id, RUN, CODE, LogType.INFO, "written by Go", NOW, NOW);
    }

    private void writeAsTheGoServiceDoes(CodeLog log) {
        writeAsTheGoServiceDoes(format, log);
    }

    private void writeAsTheGoServiceDoes(S3ObjectFormat format, CodeLog log) {
        s3.client.putObject(
                request -> request.bucket(bucket).key(format.logKey(log)),
                RequestBody.fromBytes(new CodeLogJson().write(log)));
    }
}
