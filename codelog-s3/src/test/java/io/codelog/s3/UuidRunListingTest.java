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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Pages and counts of a run whose id is a UUID: the first lists every day of the list window (33 by default), the
 * next ones within the time to live only the days that held the run and the last three, and a log another writer
 * put on another day meanwhile shows once that listing is older than the time to live.
 */
@ExtendWith(TestServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UuidRunListingTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final long WINDOW_DAYS = 33;

    private S3Fixture s3;
    private String bucket;

    private final MutableClock clock = MutableClock.at(NOW);
    private final String run = UUID.randomUUID().toString();
    private final String code = UUID.randomUUID().toString();
    private S3CodeLogRepository store;
    private S3ObjectFormat format;

    @BeforeAll
    void bucket(S3TestServer server) {
        s3 = new S3Fixture(server);
        bucket = s3.newBucket("codelog-uuid-runs");
    }

    @AfterAll
    void closeClient() {
        s3.close();
    }

    @BeforeEach
    void runOverTwoDays() {
        S3CodeLogSettings settings = S3CodeLogSettings.builder(bucket)
                .prefix(S3Fixture.newPrefix("uuid-runs"))
                .rules(CodeLogRules.withClock(clock))
                .lookupCacheTtl(TTL)
                .readLegacyPath(false)
                .build();
        store = new S3CodeLogRepository(s3.client, settings);
        format = new S3ObjectFormat(settings);
        for (int i = 0; i < 3; i++) {
            store.put(log(NOW.minus(Duration.ofDays(5)).plusSeconds(i)));
            store.put(log(NOW.minusSeconds(60 + i)));
        }
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void theNextPagesWithinTheTimeToLiveListTheRunsDaysAndTheLastThree() {
        s3.counter.reset();
        assertThat(store.listRunLogs(run, null, 4, 1)).hasSize(4);
        assertThat(s3.counter.snapshot()).isEqualTo(Map.of("ListObjectsV2", WINDOW_DAYS, "GetObject", 4L));

        s3.counter.reset();
        assertThat(store.listRunLogs(run, null, 4, 2)).hasSize(2);
        assertThat(store.count(run, null)).isEqualTo(6);
        assertThat(store.count(run, code)).isEqualTo(6);
        // The run's other day, then yesterday, today and tomorrow: 4 LISTs per call, but the first call of a code.
        assertThat(s3.counter.snapshot()).isEqualTo(Map.of("ListObjectsV2", 4L + 4L + WINDOW_DAYS, "GetObject", 2L));
    }

    @Test
    void aLogThisStoreWritesOnAnotherDayIsListedAtOnce() {
        assertThat(store.count(run, null)).isEqualTo(6);

        CodeLog older = store.put(log(NOW.minus(Duration.ofDays(20))));
        CodeLog created = store.create(CodeLog.of(run, code, LogType.INFO, "created now"));

        assertThat(store.count(run, null)).isEqualTo(8);
        assertThat(store.listRunLogs(run, null, 10, 1)).contains(older, created);
    }

    @Test
    void aLogAnotherWriterPutOnAnotherDayIsListedOnceTheListingIsOlderThanTheTimeToLive() {
        assertThat(store.count(run, null)).isEqualTo(6);
        CodeLog goLog = log(NOW.minus(Duration.ofDays(12)));
        s3.client.putObject(
                request -> request.bucket(bucket).key(format.logKey(goLog)),
                RequestBody.fromBytes(new CodeLogJson().write(goLog)));

        assertThat(store.count(run, null)).as("within the time to live").isEqualTo(6);
        clock.advance(TTL);
        assertThat(store.count(run, null)).as("once the listing is older").isEqualTo(7);
        assertThat(store.listRunLogs(run, null, 10, 1)).contains(goLog);
    }

    @Test
    void withATimeToLiveOfZeroEveryCallListsTheWholeWindow() {
        S3CodeLogSettings settings = S3CodeLogSettings.builder(bucket)
                .prefix(S3Fixture.newPrefix("uuid-runs-no-ttl"))
                .rules(CodeLogRules.withClock(clock))
                .lookupCacheTtl(Duration.ZERO)
                .readLegacyPath(false)
                .build();
        try (S3CodeLogRepository uncached = new S3CodeLogRepository(s3.client, settings)) {
            uncached.put(log(NOW.minusSeconds(5)));
            s3.counter.reset();
            assertThat(uncached.count(run, null)).isEqualTo(1);
            assertThat(uncached.count(run, null)).isEqualTo(1);
            assertThat(s3.counter.snapshot()).isEqualTo(Map.of("ListObjectsV2", 2 * WINDOW_DAYS));
        }
    }

    private CodeLog log(Instant at) {
        return new CodeLog(IdGenerator.objectIds().newId(at), run, code, LogType.INFO, "line at " + at, at, at);
    }
}
