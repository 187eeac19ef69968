package io.codelog.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogOrder;
import io.codelog.core.CodeLogRules;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The exact S3 requests of every operation, measured with {@link S3RequestCounter} in a small bucket (one run of
 * 1,000 logs) and in a large one (the same run among 10,200 objects over 76 days), and equal in both.
 */
@ExtendWith(TestServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestCostTest {

    private static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    private static final Instant RUN_START = NOW.minus(Duration.ofHours(2));
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
    private static final String OTHER_RUN = "0b8e9f3a-6c2d-4f1e-9a7b-3c4d5e6f7a8b";
    private static final int RUN_SIZE = 1_000;
    private static final String PREFIX = "costs";

    private final MutableClock clock = MutableClock.at(NOW);
    private int expiries;
    private final String bigRun = IdGenerator.objectIds().newId(RUN_START);
    private final List<CodeLog> bigRunLogs = new ArrayList<>();
    private S3Fixture s3;
    private Bucket small;
    private Bucket large;

    /** One bucket, a store on it and what was written to it. */
    private record Bucket(String name, S3CodeLogRepository repository, int objects) {}

    @BeforeAll
    void writeBuckets(S3TestServer server) throws Exception {
        s3 = new S3Fixture(server);
        LogObjectCodec codec = new LogObjectCodec(false, LogObjectCodec.maxObjectBytes(8_000));
        IdGenerator ids = IdGenerator.objectIds();
        List<S3Fixture.RawObject> run = new ArrayList<>();
        for (int i = 0; i < RUN_SIZE; i++) {
            Instant created = RUN_START.plusSeconds(5L * i);
            CodeLog log = new CodeLog(ids.newId(created), bigRun, CODE, LogType.INFO, "run log " + i, created, created);
            bigRunLogs.add(log);
            run.add(raw(codec, log));
        }
        List<S3Fixture.RawObject> others = otherLogs(codec);

        small = newBucket("codelog-costs-small", run);
        List<S3Fixture.RawObject> largeObjects = new ArrayList<>(run);
        largeObjects.addAll(others);
        large = newBucket("codelog-costs-large", largeObjects);
        assertThat(large.objects()).isGreaterThanOrEqualTo(10_000);
    }

    @AfterAll
    void close() {
        small.repository().close();
        large.repository().close();
        s3.close();
    }

    @Test
    @DisplayName("create costs 2 PUTs with the id index and 1 without")
    void create() {
        for (Bucket bucket : List.of(small, large)) {
            clock.set(NOW);
            assertThat(measure(() -> bucket.repository().create(log(OTHER_RUN, "created"))))
                    .isEqualTo(Map.of("PutObject", 2L));
            try (S3CodeLogRepository noIndex = repository(bucket.name(), false)) {
                assertThat(measure(() -> noIndex.create(log(OTHER_RUN, "created without index"))))
                        .isEqualTo(Map.of("PutObject", 1L));
            }
        }
    }

    @Test
    @DisplayName("findById costs 2 GETs for a new log and for one created 75 days ago")
    void findById() {
        for (Bucket bucket : List.of(small, large)) {
            CodeLog old = createAt(bucket, NOW.minus(Duration.ofDays(75)), "old");
            CodeLog fresh = createAt(bucket, NOW, "fresh");
            assertThat(old.createdAt()).isEqualTo(NOW.minus(Duration.ofDays(75)));

            assertThat(measure(() ->
                            assertThat(bucket.repository().findById(old.id())).contains(old)))
                    .isEqualTo(Map.of("GetObject", 2L));
            assertThat(measure(() ->
                            assertThat(bucket.repository().findById(fresh.id())).contains(fresh)))
                    .isEqualTo(Map.of("GetObject", 2L));
        }
    }

    @Test
    @DisplayName("findById of a log without a pointer LISTs the 3 days around its id once, writes the pointer,"
            + " then costs 2 GETs")
    void findByIdWithoutPointer() {
        CodeLog target = bigRunLogs.get(123);
        for (Bucket bucket : List.of(small, large)) {
            expireDayListings();
            LocalDate day = LocalDate.of(2025, 6, 15);
            long dayLists = listRequests(bucket, day.minusDays(1))
                    + listRequests(bucket, day)
                    + listRequests(bucket, day.plusDays(1));
            assertThat(measure(() -> assertThat(bucket.repository().findById(target.id()))
                            .contains(target)))
                    .isEqualTo(Map.of("GetObject", 2L, "ListObjectsV2", dayLists, "PutObject", 1L));
            assertThat(measure(() -> assertThat(bucket.repository().findById(target.id()))
                            .contains(target)))
                    .isEqualTo(Map.of("GetObject", 2L));
        }
    }

    @Test
    @DisplayName("a page of 20 from a 1,000-log run costs 1 LIST per day scanned (3) and 20 GETs")
    void listPage() {
        clock.set(NOW);
        List<CodeLog> expected = bigRunLogs.subList(40, 60);
        for (Bucket bucket : List.of(small, large)) {
            List<CodeLog> page = new ArrayList<>();
            assertThat(measure(() -> page.addAll(bucket.repository().listRunLogs(bigRun, null, 20, 3))))
                    .isEqualTo(Map.of("ListObjectsV2", 3L, "GetObject", 20L));
            assertThat(page).containsExactlyElementsOf(expected).isSortedAccordingTo(CodeLogOrder.OLDEST_FIRST);
            assertThat(measure(() -> assertThat(bucket.repository().listRunLogs(bigRun, CODE, 20, 50))
                            .containsExactlyElementsOf(bigRunLogs.subList(980, 1_000))))
                    .isEqualTo(Map.of("ListObjectsV2", 3L, "GetObject", 20L));
        }
    }

    @Test
    @DisplayName("count of a 1,000-log run costs 1 LIST per day scanned and no GET")
    void count() {
        clock.set(NOW);
        for (Bucket bucket : List.of(small, large)) {
            assertThat(measure(() ->
                            assertThat(bucket.repository().count(bigRun, null)).isEqualTo(RUN_SIZE)))
                    .isEqualTo(Map.of("ListObjectsV2", 3L));
            assertThat(measure(() ->
                            assertThat(bucket.repository().count(bigRun, CODE)).isEqualTo(RUN_SIZE)))
                    .isEqualTo(Map.of("ListObjectsV2", 3L));
        }
    }

    @Test
    @DisplayName("update costs 2 GETs (pointer, log) and 1 conditional PUT, also for a log created 40 days ago")
    void update() {
        for (Bucket bucket : List.of(small, large)) {
            CodeLog created = createAt(bucket, NOW.minus(Duration.ofDays(40)), "before");
            assertThat(created.createdAt()).isEqualTo(NOW.minus(Duration.ofDays(40)));

            CodeLog[] updated = new CodeLog[1];
            assertThat(measure(() -> updated[0] = bucket.repository().update(created.id(), "after")))
                    .isEqualTo(Map.of("GetObject", 2L, "PutObject", 1L));
            assertThat(updated[0]).isEqualTo(created.withContent("after", NOW));
            assertThat(bucket.repository().findById(created.id())).contains(updated[0]);
        }
    }

    @Test
    @DisplayName("delete costs 1 GET and 1 DeleteObjects")
    void delete() {
        for (Bucket bucket : List.of(small, large)) {
            clock.set(NOW);
            CodeLog created = bucket.repository().create(log(OTHER_RUN, "doomed"));

            assertThat(measure(() ->
                            assertThat(bucket.repository().delete(created.id())).isTrue()))
                    .isEqualTo(Map.of("GetObject", 1L, "DeleteObjects", 1L));
            assertThat(bucket.repository().findById(created.id())).isEmpty();
        }
    }

    @Test
    @DisplayName("deleteOlder of n logs with the id index sends ceil(2n/1000) DeleteObjects, and LISTs only the"
            + " walk (root, year, month, legacy root) and the days it deletes from")
    void deleteOlder() throws Exception {
        for (Bucket bucket : List.of(small, large)) {
            // 400 logs over 2023-01-10 (200) and 01-11 to 01-12 (100 each).
            createOldLogs(bucket, 400, Instant.parse("2023-01-10T00:00:00Z"));
            Instant cutoff = Instant.parse("2023-02-01T00:00:00Z");
            long[] deleted = new long[1];

            assertThat(measure(() -> deleted[0] = bucket.repository().deleteOlder(cutoff, 250)))
                    .isEqualTo(Map.of("ListObjectsV2", 4L + 2L, "DeleteObjects", 1L));
            assertThat(deleted[0]).isEqualTo(250);
            assertThat(measure(() -> deleted[0] = bucket.repository().deleteOlder(cutoff, 10_000)))
                    .isEqualTo(Map.of("ListObjectsV2", 4L + 2L, "DeleteObjects", 1L));
            assertThat(deleted[0]).isEqualTo(150);

            // 600 logs over 2024-02-10 (200) and 02-11 to 02-14 (100 each): 1,200 keys with their pointers.
            List<CodeLog> old = createOldLogs(bucket, 600, Instant.parse("2024-02-10T00:00:00Z"));
            assertThat(measure(() -> deleted[0] =
                            bucket.repository().deleteOlder(Instant.parse("2024-03-01T00:00:00Z"), 10_000)))
                    .isEqualTo(Map.of("ListObjectsV2", 4L + 5L, "DeleteObjects", 2L));
            assertThat(deleted[0]).isEqualTo(600);
            assertThat(s3.keys(bucket.name(), PREFIX + "/logs/2023/")).isEmpty();
            assertThat(s3.keys(bucket.name(), PREFIX + "/logs/2024/")).isEmpty();
            List<String> pointers = s3.keys(bucket.name(), PREFIX + "/index/");
            assertThat(old).noneMatch(log -> pointers.contains(PREFIX + "/index/" + log.id() + ".json"));
            clock.set(NOW);
            assertThat(bucket.repository().count(bigRun, null)).isEqualTo(RUN_SIZE);
        }
    }

    @Test
    @DisplayName("the legacy probe costs 1 LIST on first use and none again within its interval")
    void legacyProbe() {
        clock.set(NOW);
        for (Bucket bucket : List.of(small, large)) {
            try (S3CodeLogRepository fresh = repository(bucket.name(), true)) {
                assertThat(measure(() -> fresh.count(bigRun, null))).isEqualTo(Map.of("ListObjectsV2", 4L));
                assertThat(measure(() -> fresh.count(bigRun, null))).isEqualTo(Map.of("ListObjectsV2", 3L));
            }
        }
    }

    @Test
    @DisplayName("10 lookups of ids that exist nowhere, dated the day of a 1,000-log run, cost 10 pointer GETs and"
            + " the LISTs of their 3 days once")
    void misses() {
        for (Bucket bucket : List.of(small, large)) {
            expireDayListings();
            LocalDate day = LocalDate.of(2025, 6, 15);
            long dayLists = listRequests(bucket, day.minusDays(1))
                    + listRequests(bucket, day)
                    + listRequests(bucket, day.plusDays(1));
            IdGenerator ids = IdGenerator.objectIds();

            Map<String, Long> tenMisses = measure(() -> {
                for (int i = 0; i < 10; i++) {
                    assertThat(bucket.repository().findById(ids.newId(NOW.minusSeconds(i))))
                            .isEmpty();
                }
            });

            assertThat(tenMisses).isEqualTo(Map.of("GetObject", 10L, "ListObjectsV2", dayLists));
            assertThat(tenMisses.values().stream().mapToLong(Long::longValue).sum())
                    .as("requests of the 10 misses, in all")
                    .isLessThanOrEqualTo(30);
        }
    }

    @Test
    @DisplayName("an update or delete of an id that is nowhere lists its days afresh, whatever findById listed")
    void writesNeverAnswerFromTheDayListings() {
        Bucket bucket = small;
        expireDayListings();
        String nowhere = IdGenerator.objectIds().newId(NOW);
        LocalDate day = LocalDate.of(2025, 6, 15);
        long dayLists = listRequests(bucket, day.minusDays(1))
                + listRequests(bucket, day)
                + listRequests(bucket, day.plusDays(1));
        assertThat(bucket.repository().findById(nowhere)).isEmpty();

        assertThat(measure(() -> assertThat(bucket.repository().delete(nowhere)).isFalse()))
                .isEqualTo(Map.of("GetObject", 1L, "ListObjectsV2", dayLists));
    }

    /**
     * Moves the clock a day further than any earlier call did, so that no listing an earlier test made still
     * answers lookups (tests also set the clock back to {@link #NOW}, so advancing it would not be enough).
     */
    private void expireDayListings() {
        expiries++;
        clock.set(NOW.plus(Duration.ofDays(expiries)));
    }

    private Map<String, Long> measure(Runnable operation) {
        s3.counter.reset();
        operation.run();
        return s3.counter.snapshot();
    }

    private long listRequests(Bucket bucket, LocalDate day) {
        int keys = s3.keys(bucket.name(), new S3KeyLayout(bucket.name(), PREFIX).dayPrefix(LogKey.Root.STANDARD, day))
                .size();
        return Math.max(1, (keys + 999) / 1_000);
    }

    /**
     * Creates a log at a past instant through a store with its own rules: rules never stamp a time before one
     * they already stamped.
     */
    private CodeLog createAt(Bucket bucket, Instant createdAt, String content) {
        clock.set(createdAt);
        try (S3CodeLogRepository creator = repository(bucket.name(), true)) {
            return creator.create(log(OTHER_RUN, content));
        } finally {
            clock.set(NOW);
        }
    }

    private List<CodeLog> createOldLogs(Bucket bucket, int count, Instant start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (S3CodeLogRepository repository = repository(bucket.name(), true)) {
            List<Future<CodeLog>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (i % 100 == 0) {
                    for (Future<CodeLog> future : created) {
                        future.get(1, TimeUnit.MINUTES);
                    }
                    clock.set(start.plus(Duration.ofHours(20L * (i / 100))));
                }
                created.add(pool.submit(() -> repository.create(log(OTHER_RUN, "old"))));
            }
            List<CodeLog> logs = new ArrayList<>();
            for (Future<CodeLog> future : created) {
                logs.add(future.get(1, TimeUnit.MINUTES));
            }
            return logs;
        } finally {
            clock.set(NOW);
            pool.shutdownNow();
        }
    }

    private Bucket newBucket(String name, List<S3Fixture.RawObject> objects) throws Exception {
        String bucket = s3.newBucket(name);
        s3.putAll(bucket, objects);
        S3CodeLogRepository repository = repository(bucket, true);
        repository.count(bigRun, null); // the first call probes the legacy root once
        return new Bucket(bucket, repository, objects.size());
    }

    private S3CodeLogRepository repository(String bucket, boolean idIndex) {
        return new S3CodeLogRepository(
                s3.client,
                S3CodeLogSettings.builder(bucket)
                        .prefix(PREFIX)
                        .rules(CodeLogRules.withClock(clock))
                        .idIndex(idIndex)
                        .build());
    }

    private static CodeLog log(String run, String content) {
        return CodeLog.of(run, CODE, LogType.INFO, content);
    }

    private static S3Fixture.RawObject raw(LogObjectCodec codec, CodeLog log) {
        S3KeyLayout layout = new S3KeyLayout("unused", PREFIX);
        LogObjectCodec.Body body = codec.encode(log);
        String key = layout.logKey(
                LocalDate.ofInstant(log.createdAt(), java.time.ZoneOffset.UTC), log.runId(), log.codeId(), log.id());
        return new S3Fixture.RawObject(key, body.bytes(), null, body.metadata());
    }

    /** 2,000 logs of 20 other runs on the big run's day and 7,200 over the 75 days before it. */
    private static List<S3Fixture.RawObject> otherLogs(LogObjectCodec codec) {
        Random random = new Random(42);
        IdGenerator ids = IdGenerator.objectIds();
        List<S3Fixture.RawObject> objects = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            runs.add(IdGenerator.objectIds().newId(RUN_START.plusSeconds(r)));
        }
        Instant time = RUN_START.minus(Duration.ofDays(75));
        for (int i = 0; i < 7_200; i++) {
            time = time.plusSeconds(900);
            String run = runs.get(random.nextInt(runs.size()));
            objects.add(raw(codec, new CodeLog(ids.newId(time), run, CODE, LogType.DEBUG, "old " + i, time, time)));
        }
        IdGenerator sameDayIds = IdGenerator.objectIds();
        Instant sameDay = RUN_START.minus(Duration.ofHours(9));
        for (int i = 0; i < 2_000; i++) {
            Instant created = sameDay.plusSeconds(10L * i);
            String run = runs.get(i % runs.size());
            objects.add(raw(
                    codec,
                    new CodeLog(sameDayIds.newId(created), run, CODE, LogType.INFO, "busy " + i, created, created)));
        }
        return objects;
    }
}
