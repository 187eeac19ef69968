package io.codelog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogJson;
import io.codelog.core.CodeLogTimestamps;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.core.MalformedCodeLogException;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Objects in the bucket that no store wrote — not JSON, truncated, 50 MB, ids that disagree with their key,
 * keys outside the layout — are skipped and reported by listings without reading a huge body, and the logs
 * beside them are all listed. The JVM runs with a 1 GiB heap: listings that downloaded the 50 MB object, a
 * dozen at a time, would not fit.
 */
@ExtendWith(TestServers.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileObjectsTest {

    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
    private static final String SECRET = "SECRET-user-content";
    private static final int HUGE_BYTES = 50 * 1024 * 1024;
    private static final int CONCURRENT_LISTINGS = 12;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private static final Map<String, String> REPORTED = new ConcurrentHashMap<>();
    private static final List<CodeLog> GOOD = new ArrayList<>();
    private static final List<String> BAD_BODIES = new ArrayList<>();
    private static final List<String> ODD_KEYS = new ArrayList<>();
    private static S3Connection s3;
    private static String bucket;
    private static S3CodeLogRepository repository;
    private static String run;
    private static String runPrefix;
    private static String hugeId;

    @BeforeAll
    static void writeGoodAndHostileObjects(S3TestServer server) {
        s3 = S3Connection.direct(server);
        bucket = s3.newBucket("codelog-hostile-objects");
        String prefix = S3Connection.newPrefix("hostile");
        repository = new S3CodeLogRepository(
                s3.client(),
                S3CodeLogSettings.builder(bucket)
                        .prefix(prefix)
                        .onUnreadable(REPORTED::put)
                        .build());
        Instant now = Instant.now();
        IdGenerator ids = IdGenerator.objectIds();
        run = ids.newId(now);
        for (int i = 0; i < 5; i++) {
            GOOD.add(repository.create(CodeLog.of(run, CODE, LogType.INFO, "good " + i)));
        }
        runPrefix = prefix + "/logs/" + DAY.format(GOOD.get(0).createdAt()) + "/" + run + "/" + CODE + "/";
        CodeLogJson json = new CodeLogJson();
        byte[] valid = json.write(GOOD.get(0));
        putBad(ids.newId(now), (SECRET + " plain text").getBytes(StandardCharsets.UTF_8));
        putBad(ids.newId(now), Arrays.copyOf(valid, valid.length / 2));
        putBad(ids.newId(now), json.write(GOOD.get(1).withId(ids.newId(now))));
        hugeId = ids.newId(now);
        putBad(hugeId, hugeLog(hugeId, now));
        putOdd(runPrefix + "not-an-id.json");
        putOdd(runPrefix + "extra/" + ids.newId(now) + ".json");
        // A "../" in a key is resolved away by the HTTP path before S3 sees it; ".." inside a name reaches S3 as is.
        putOdd(runPrefix + ".." + ids.newId(now) + ".json");
        putOdd(runPrefix + ids.newId(now).toUpperCase() + ".json");
        putOdd(runPrefix + "%2F..%2F" + ids.newId(now) + ".json");
    }

    @AfterAll
    static void close() {
        repository.close();
        s3.close();
    }

    @Test
    void listingSkipsAndReportsEveryHostileObjectAndKeepsTheRest() {
        REPORTED.clear();

        List<CodeLog> listed = repository.listRunLogs(run, null, 100, 1);

        assertThat(listed).containsExactlyElementsOf(GOOD);
        List<String> expected = new ArrayList<>(BAD_BODIES);
        expected.addAll(ODD_KEYS);
        assertThat(REPORTED).containsOnlyKeys(expected);
        assertThat(REPORTED.values()).noneMatch(reason -> reason.contains(SECRET) || reason.contains("aaaa"));
        assertThat(REPORTED.get(BAD_BODIES.get(3)))
                .contains(String.valueOf(HUGE_BYTES))
                .contains("limit");
    }

    @Test
    void concurrentListingsNeverDownloadTheHugeObject() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_LISTINGS);
        try {
            List<Future<List<CodeLog>>> listings = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_LISTINGS; i++) {
                listings.add(pool.submit(() -> repository.listRunLogs(run, null, 100, 1)));
            }
            for (Future<List<CodeLog>> listing : listings) {
                assertThat(listing.get(1, TimeUnit.MINUTES)).containsExactlyElementsOf(GOOD);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lookupOfTheHugeObjectFailsFastNamingTheKeyNotTheContent() {
        long start = System.nanoTime();

        MalformedCodeLogException e =
                catchThrowableOfType(MalformedCodeLogException.class, () -> repository.findById(hugeId));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(BAD_BODIES.get(3)).doesNotContain("aaaa");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void countCountsKeysInTheLayoutWithoutReadingBodies() {
        s3.counter().reset();

        assertThat(repository.count(run, CODE)).isEqualTo(GOOD.size() + BAD_BODIES.size());
        assertThat(s3.counter().count("GetObject")).isZero();
    }

    @Test
    void codeOnlyListingAlsoSkipsThem() {
        assertThat(repository.listRunLogs(null, CODE, 100, 1)).containsExactlyElementsOf(GOOD);
    }

    private static byte[] hugeLog(String id, Instant now) {
        String time = CodeLogTimestamps.format(now);
        ByteArrayOutputStream out = new ByteArrayOutputStream(HUGE_BYTES);
        out.writeBytes(("{\"id\":\"" + id + "\",\"run_id\":\"" + run + "\",\"code_id\":\"" + CODE
                        + "\",\"type\":\"info\",\"created_at\":\"" + time + "\",\"updated_at\":\"" + time
                        + "\",\"content\":\"")
                .getBytes(StandardCharsets.UTF_8));
        byte[] filler = new byte[HUGE_BYTES - out.size() - 2];
        Arrays.fill(filler, (byte) 'a');
        out.writeBytes(filler);
        out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void putBad(String id, byte[] body) {
        String key = runPrefix + id + ".json";
        BAD_BODIES.add(key);
        put(key, body);
    }

    private static void putOdd(String key) {
        ODD_KEYS.add(key);
        put(key, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static void put(String key, byte[] body) {
        s3.client().putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(body));
    }
}
