package io.codelog.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogJson;
import io.codelog.core.CodeLogRules;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.core.MalformedCodeLogException;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Objects that are not readable code logs are skipped by listings and reported, and the rest is intact. */
@ExtendWith(TestServers.class)
class UnreadableObjectsTest {

    private static final Instant NOW = Instant.parse("2025-05-20T15:00:00Z");
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
    private static final String SECRET = "SECRET-user-content";

    private static S3Fixture s3;
    private static String bucket;
    private final IdGenerator ids = IdGenerator.objectIds();
    private final String run = ids.newId(NOW.minusSeconds(3_600));
    private final Map<String, String> reported = new ConcurrentHashMap<>();
    private final List<CodeLog> good = new ArrayList<>();
    private S3CodeLogRepository repository;
    private String dayPrefix;
    private String runPrefix;
    private final List<String> badKeys = new ArrayList<>();
    private final List<String> oddKeys = new ArrayList<>();

    @BeforeAll
    static void bucket(S3TestServer server) {
        s3 = new S3Fixture(server);
        bucket = s3.newBucket("codelog-unreadable");
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @BeforeEach
    void writeGoodAndBadObjects() {
        String prefix = S3Fixture.newPrefix("bad");
        repository = new S3CodeLogRepository(
                s3.client,
                S3CodeLogSettings.builder(bucket)
                        .prefix(prefix)
                        .rules(CodeLogRules.withClock(MutableClock.at(NOW)))
                        .onUnreadable(UnreadableObjectListener.logWarning().andThen(reported::put))
                        .build());
        for (int i = 0; i < 5; i++) {
            good.add(repository.create(CodeLog.of(run, CODE, LogType.INFO, "good " + i)));
        }
        dayPrefix = prefix + "/logs/2025/05/20/";
        runPrefix = dayPrefix + run + "/" + CODE + "/";
        CodeLogJson json = new CodeLogJson();
        byte[] valid = json.write(good.get(0));
        String notJson = id(1);
        String truncated = id(2);
        String otherId = id(3);
        String otherRun = id(4);
        putBad(notJson, (SECRET + " plain text").getBytes(StandardCharsets.UTF_8));
        putBad(truncated, Arrays.copyOf(valid, valid.length / 2));
        putBad(otherId, json.write(good.get(1).withId(id(9))));
        putBad(otherRun, json.write(new CodeLog(otherRun, id(8), CODE, LogType.INFO, SECRET, NOW, NOW)));
        putOdd(dayPrefix + "x.json");
        putOdd(runPrefix + "not-an-id.json");
        putOdd(runPrefix + "extra/" + id(5) + ".json");
    }

    @Test
    @DisplayName("listRunLogs skips each unreadable object, reports it by key without content, and keeps the rest")
    void listingSkipsAndReports() {
        List<CodeLog> listed = repository.listRunLogs(run, null, 100, 1);

        assertThat(listed).containsExactlyElementsOf(good);
        List<String> expected = new ArrayList<>(badKeys);
        expected.addAll(oddKeys.subList(1, 3));
        assertThat(reported).containsOnlyKeys(expected);
        assertThat(reported.values()).noneMatch(reason -> reason.contains(SECRET) || reason.contains("good"));
        assertThat(reported.get(badKeys.get(0))).isEqualTo("invalid JSON at byte 0");
        assertThat(reported.get(badKeys.get(2))).contains("do not match");
    }

    @Test
    @DisplayName("a code-only listing reports the odd key at the day level too")
    void codeListingReportsDayLevelKeys() {
        assertThat(repository.listRunLogs(null, CODE, 100, 1)).containsExactlyElementsOf(good);

        assertThat(reported).containsKey(oddKeys.get(0));
    }

    @Test
    @DisplayName("count counts every key in the log layout without reading bodies, so unreadable bodies count")
    void countCountsLayoutKeys() {
        s3.counter.reset();

        assertThat(repository.count(run, CODE)).isEqualTo(good.size() + badKeys.size());
        assertThat(s3.counter.count("GetObject")).isZero();
    }

    @Test
    @DisplayName("findById of an unreadable object raises MalformedCodeLogException naming the key, not content")
    void lookupSurfacesTheProblem() {
        MalformedCodeLogException e =
                catchThrowableOfType(MalformedCodeLogException.class, () -> repository.findById(id(4)));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(badKeys.get(3)).doesNotContain(SECRET);
    }

    private String id(int n) {
        return run.substring(0, 18) + String.format("%06x", n);
    }

    private void putBad(String id, byte[] body) {
        String key = runPrefix + id + ".json";
        badKeys.add(key);
        s3.put(bucket, new S3Fixture.RawObject(key, body));
    }

    private void putOdd(String key) {
        oddKeys.add(key);
        s3.put(bucket, new S3Fixture.RawObject(key, "{}".getBytes(StandardCharsets.UTF_8)));
    }
}
