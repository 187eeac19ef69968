package io.codelog.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRules;
import io.codelog.core.LogType;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Objects written byte for byte as the Go service and the Python engine write them, under the standard path
 * and under the legacy path {@code {bucket}/{prefix}/logs/}: every operation sees them, and none twice.
 */
// One instance per class, so that WriterCompatibilityOnS3MockTest can pick its server by overriding bucket(...);
// the clock is never moved, and each test writes under a prefix of its own.
@ExtendWith(TestServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriterCompatibilityTest {

    private static final Instant NOW = Instant.parse("2025-12-16T12:00:00Z");
    private static final String GO_RUN = objectId("2025-12-15T01:00:00Z", 1);
    private static final String GO_CODE = objectId("2025-01-01T00:00:00Z", 2);
    private static final String PY_RUN = "5b1c0f7e-2d3a-4c5b-9e8f-0a1b2c3d4e5f";
    private static final String PY_CODE = "c0de0000-1111-4222-8333-444455556666";

    // Created 01:20 UTC = 22:20 on the 14th at -03:00: the Go service filed it under 2025/12/14.
    private static final CodeLog G1 =
            goLog(objectId("2025-12-15T01:20:00Z", 11), "2025-12-15T01:20:00.111111111Z", "first <b> & \"go\"");
    private static final CodeLog G2 =
            goLog(objectId("2025-12-15T01:30:00Z", 12), "2025-12-15T01:30:00.123456789Z", "second");
    private static final CodeLog G3 = goLog(objectId("2025-12-15T04:00:00Z", 13), "2025-12-15T04:00:00Z", "third");
    private static final CodeLog LEGACY_ONLY =
            goLog(objectId("2025-12-15T01:25:00Z", 14), "2025-12-15T01:25:00.5Z", "legacy only");
    private static final CodeLog P1 = new CodeLog(
            "0f8fad5b-d9cb-469f-a165-70867728950e",
            PY_RUN,
            PY_CODE,
            LogType.ERROR,
            "Olá \uD83D\uDE80 mundo",
            Instant.parse("2025-12-15T22:00:00.123456Z"),
            Instant.parse("2025-12-15T22:00:00.123456Z"));
    private static final CodeLog P2 = new CodeLog(
            "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            PY_RUN,
            PY_CODE,
            LogType.DEBUG,
            "early",
            Instant.parse("2025-12-14T10:00:00.5Z"),
            Instant.parse("2025-12-14T10:00:00.5Z"));

    private S3Fixture s3;
    private String bucket;
    private final MutableClock clock = MutableClock.at(NOW);
    private final List<S3CodeLogRepository> opened = new ArrayList<>();
    private String prefix;

    @BeforeAll
    void bucket(S3TestServer server) {
        s3 = new S3Fixture(server);
        bucket = s3.newBucket("codelog-writers");
    }

    @AfterAll
    void closeClient() {
        s3.close();
    }

    @BeforeEach
    void writeObjects() throws Exception {
        prefix = S3Fixture.newPrefix("writers");
        String logs = prefix + "/logs/";
        String legacy = bucket + "/" + prefix + "/logs/";
        s3.putAll(
                bucket,
                List.of(
                        goObject(logs + "2025/12/14/", G1, "-03:00"),
                        goObject(logs + "2025/12/14/", G2, "-03:00"),
                        goObject(logs + "2025/12/14/", G2.withContent("legacy copy", G2.updatedAt()), "-03:00")
                                .withKeyUnder(legacy + "2025/12/14/"),
                        goObject(logs + "2025/12/15/", G3, "-03:00"),
                        goObject(legacy + "2025/12/14/", LEGACY_ONLY, "-03:00"),
                        pythonObject(logs + "2025/12/15/", P1, "2025-12-15T22:00:00.123456+00:00"),
                        pythonObject(logs + "2025/12/14/", P2, "2025-12-14T10:00:00.500000+00:00")));
    }

    @AfterEach
    void closeRepositories() {
        opened.forEach(S3CodeLogRepository::close);
        opened.clear();
    }

    @Test
    @DisplayName("findById finds logs of both writers and both paths, the standard copy first, then through a pointer")
    void findById() {
        S3CodeLogRepository repository = repository(true, true);

        for (CodeLog log : List.of(G1, G2, G3, LEGACY_ONLY, P1, P2)) {
            assertThat(repository.findById(log.id())).contains(log);
        }
        for (CodeLog log : List.of(G1, G2, G3, LEGACY_ONLY, P1, P2)) {
            s3.counter.reset();
            assertThat(repository.findById(log.id())).contains(log);
            assertThat(s3.counter.snapshot()).isEqualTo(Map.of("GetObject", 2L));
        }
    }

    @Test
    @DisplayName("listRunLogs and count see every log of a run once, across key days and both paths")
    void listAndCount() {
        S3CodeLogRepository repository = repository(true, true);

        assertThat(repository.listRunLogs(GO_RUN, null, 100, 1)).containsExactly(G1, LEGACY_ONLY, G2, G3);
        assertThat(repository.listRunLogs(GO_RUN, GO_CODE, 2, 2)).containsExactly(G2, G3);
        assertThat(repository.count(GO_RUN, null)).isEqualTo(4);
        assertThat(repository.count(null, GO_CODE)).isEqualTo(4);
        assertThat(repository.listRunLogs(PY_RUN, null, 100, 1)).containsExactly(P2, P1);
        assertThat(repository.listRunLogs(null, PY_CODE, 100, 1)).containsExactly(P2, P1);
        assertThat(repository.count(PY_RUN, PY_CODE)).isEqualTo(2);
    }

    @Test
    @DisplayName("with the legacy path off, only the standard path is read")
    void legacyOff() {
        S3CodeLogRepository repository = repository(true, false);

        assertThat(repository.listRunLogs(GO_RUN, null, 100, 1)).containsExactly(G1, G2, G3);
        assertThat(repository.count(GO_RUN, null)).isEqualTo(3);
        assertThat(repository.findById(LEGACY_ONLY.id())).isEmpty();
    }

    @Test
    @DisplayName("update rewrites each log at its own key, whatever its writer, path or key day")
    void update() {
        S3CodeLogRepository repository = repository(true, true);
        List<String> keysBefore = logKeys();

        for (CodeLog log : List.of(G2, LEGACY_ONLY, P1)) {
            CodeLog updated = repository.update(log.id(), "updated " + log.id());
            assertThat(updated).isEqualTo(log.withContent("updated " + log.id(), NOW));
            assertThat(repository.findById(log.id())).contains(updated);
        }

        assertThat(logKeys()).hasSize(7).containsExactlyInAnyOrderElementsOf(keysBefore);
        assertThat(repository.listRunLogs(GO_RUN, null, 100, 1))
                .extracting(CodeLog::content)
                .containsExactly(G1.content(), "updated " + LEGACY_ONLY.id(), "updated " + G2.id(), G3.content());
        assertThat(repository.count(GO_RUN, null)).isEqualTo(4);
    }

    @Test
    @DisplayName("delete removes logs of every writer and path, with a copy under the other path, once")
    void delete() {
        S3CodeLogRepository repository = repository(true, true);

        for (CodeLog log : List.of(G1, G2, LEGACY_ONLY, P2)) {
            assertThat(repository.delete(log.id())).isTrue();
            assertThat(repository.findById(log.id())).isEmpty();
            assertThat(repository.delete(log.id())).isFalse();
        }

        assertThat(repository.listRunLogs(GO_RUN, null, 100, 1)).containsExactly(G3);
        assertThat(repository.count(PY_RUN, null)).isEqualTo(1);
        assertThat(s3.keys(bucket, bucket + "/" + prefix + "/")).isEmpty();
    }

    @Test
    @DisplayName("deleteOlder decides by created_at across paths: ObjectId seconds, metadata without fractions,"
            + " and the body of a UUID log without metadata")
    void deleteOlder() {
        S3CodeLogRepository repository = repository(true, true);

        assertThat(repository.deleteOlder(Instant.parse("2025-12-15T01:27:00Z"), 100))
                .isEqualTo(3);
        assertThat(repository.listRunLogs(GO_RUN, null, 100, 1)).containsExactly(G2, G3);
        assertThat(repository.listRunLogs(PY_RUN, null, 100, 1)).containsExactly(P1);

        // Same second as G2's id and its "2025-12-14T22:30:00-03:00" metadata: only the body settles it.
        assertThat(repository.deleteOlder(Instant.parse("2025-12-15T01:30:00.2Z"), 100))
                .isEqualTo(1);
        assertThat(repository.listRunLogs(GO_RUN, null, 100, 1)).containsExactly(G3);
        assertThat(s3.keys(bucket, bucket + "/" + prefix + "/")).isEmpty();
        assertThat(repository.deleteOlder(Instant.parse("2025-12-15T03:59:59Z"), 100))
                .isZero();
    }

    @Test
    @DisplayName("with the id index off, lookups search and write no pointer")
    void withoutIndex() {
        S3CodeLogRepository repository = repository(false, true);

        assertThat(repository.findById(G2.id())).contains(G2);
        assertThat(repository.findById(P1.id())).contains(P1);
        assertThat(repository.update(G1.id(), "new")).isEqualTo(G1.withContent("new", NOW));
        assertThat(s3.keys(bucket, prefix + "/index/")).isEmpty();
    }

    private List<String> logKeys() {
        List<String> keys = new ArrayList<>(s3.keys(bucket, prefix + "/logs/"));
        keys.addAll(s3.keys(bucket, bucket + "/" + prefix + "/logs/"));
        return keys;
    }

    private S3CodeLogRepository repository(boolean idIndex, boolean readLegacyPath) {
        S3CodeLogRepository repository = new S3CodeLogRepository(
                s3.client,
                S3CodeLogSettings.builder(bucket)
                        .prefix(prefix)
                        .rules(CodeLogRules.withClock(clock))
                        .idIndex(idIndex)
                        .readLegacyPath(readLegacyPath)
                        .build());
        opened.add(repository);
        return repository;
    }

    private static String objectId(String time, int counter) {
        return String.format("%08x", Instant.parse(time).getEpochSecond()) + "a1b2c3d4e5"
                + String.format("%06x", counter);
    }

    private static CodeLog goLog(String id, String createdAt, String content) {
        Instant created = Instant.parse(createdAt);
        return new CodeLog(id, GO_RUN, GO_CODE, LogType.INFO, content, created, created);
    }

    /** The Go service's object: its json.Marshal of the struct, local-time stamps, RFC 3339 metadata. */
    private static S3Fixture.RawObject goObject(String dayPrefix, CodeLog log, String offset) {
        String time = GoTime.format(log.createdAt(), offset, true);
        String body = "{\"id\":\"" + log.id() + "\",\"run_id\":\"" + log.runId() + "\",\"code_id\":\"" + log.codeId()
                + "\",\"type\":\"" + log.type().wireName() + "\",\"content\":\"" + GoTime.goJsonEscape(log.content())
                + "\",\"created_at\":\"" + time + "\",\"updated_at\":\"" + time + "\"}";
        Map<String, String> metadata = Map.of(
                "run-id", log.runId(),
                "code-id", log.codeId(),
                "log-type", log.type().wireName(),
                "created-at", GoTime.format(log.createdAt(), offset, false));
        return new S3Fixture.RawObject(
                dayPrefix + log.runId() + "/" + log.codeId() + "/" + log.id() + ".json",
                body.getBytes(StandardCharsets.UTF_8),
                null,
                metadata);
    }

    /** The Python engine's object: json.dumps with its default separators and ASCII escapes, extra fields. */
    private static S3Fixture.RawObject pythonObject(String dayPrefix, CodeLog log, String isoformat) {
        String body = "{\"id\": \"" + log.id() + "\", \"run_id\": \"" + log.runId() + "\", \"code_id\": \""
                + log.codeId() + "\", \"type\": \"" + log.type().wireName() + "\", \"content\": \""
                + GoTime.asciiJsonEscape(log.content()) + "\", \"created_at\": \"" + isoformat
                + "\", \"engine\": \"python\", \"attempt\": 2, \"tags\": [\"a\", \"b\"], \"extra\": {\"k\": null}}";
        return new S3Fixture.RawObject(
                dayPrefix + log.runId() + "/" + log.codeId() + "/" + log.id() + ".json",
                body.getBytes(StandardCharsets.UTF_8));
    }
}
