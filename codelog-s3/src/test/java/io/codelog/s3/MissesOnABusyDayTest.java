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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lookups of ids that are nowhere, on a day holding 3,000 logs that the Go service wrote (no id index entries):
 * before the day listings were kept, 10 of them cost 70 requests (1 GET + 6 LISTs each).
 */
@ExtendWith(TestServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MissesOnABusyDayTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 15);
    private static final Instant NOW = Instant.parse("2025-06-15T18:00:00Z");
    private static final int LOGS_THAT_DAY = 3_000;

    private final MutableClock clock = MutableClock.at(NOW);
    private S3Fixture s3;
    private String bucket;
    private String prefix;

    @BeforeAll
    void busyDay(S3TestServer server) throws Exception {
        s3 = new S3Fixture(server);
        bucket = s3.newBucket("codelog-busy-day");
        prefix = S3Fixture.newPrefix("misses");
        S3ObjectFormat format = new S3ObjectFormat(S3CodeLogSettings.of(bucket, prefix));
        IdGenerator ids = IdGenerator.objectIds();
        Instant midnight = DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        List<S3Fixture.RawObject> objects = new ArrayList<>();
        String runId = null;
        for (int i = 0; i < LOGS_THAT_DAY; i++) {
            Instant at = midnight.plusSeconds(i * 18L);
            if (i % 100 == 0) {
                runId = ids.newId(at.minusSeconds(2));
            }
            CodeLog log = new CodeLog(
                    ids.newId(at),
                    runId,
                    java.util
                            .UUID
                            .nameUUIDFromBytes(new byte[] {(byte) (i / 100)})
                            .toString(),
                    LogType.INFO,
                    "line " + i,
                    at,
                    at);
            objects.add(new S3Fixture.RawObject(format.logKey(log), new CodeLogJson().write(log)));
        }
        s3.putAll(bucket, objects);
    }

    @AfterAll
    void closeClient() {
        s3.close();
    }

    @Test
    void tenLookupsOfRandomIdsDatedThatDayCostAtMost30Requests() {
        S3CodeLogSettings settings = S3CodeLogSettings.builder(bucket)
                .prefix(prefix)
                .rules(CodeLogRules.withClock(clock))
                .build();
        Random random = new Random(42);
        IdGenerator ids = IdGenerator.objectIds();
        try (S3CodeLogRepository store = new S3CodeLogRepository(s3.client, settings)) {
            store.count("0".repeat(24), null); // the store's first call also probes the legacy root
            s3.counter.reset();

            for (int i = 0; i < 10; i++) {
                Instant dated =
                        DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(18 * 3_600));
                assertThat(store.findById(ids.newId(dated))).isEmpty();
            }

            // 1 GET of each id's pointer; the day (3 LIST pages), the day before and the day after listed once.
            assertThat(s3.counter.snapshot()).isEqualTo(Map.of("GetObject", 10L, "ListObjectsV2", 5L));
        }
    }
}
