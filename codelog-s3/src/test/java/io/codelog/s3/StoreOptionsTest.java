package io.codelog.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogNotFoundException;
import io.codelog.core.CodeLogRules;
import io.codelog.core.CodeLogStorageException;
import io.codelog.core.LogType;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Settings and behaviours the contract does not cover: gzip, encryption, prefixes, pointers, errors. */
@ExtendWith(TestServers.class)
class StoreOptionsTest {

    private static final Instant NOW = Instant.parse("2025-03-01T23:59:59.5Z");
    private static final String RUN = "67c39fff0123456789abcdef";
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";

    private static S3Fixture s3;
    private static String bucket;
    private final MutableClock clock = MutableClock.at(NOW);
    private final List<S3CodeLogRepository> opened = new ArrayList<>();
    private final String prefix = S3Fixture.newPrefix("options");

    @BeforeAll
    static void bucket(S3TestServer server) {
        s3 = new S3Fixture(server);
        bucket = s3.newBucket("codelog-options");
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @AfterEach
    void closeRepositories() {
        opened.forEach(S3CodeLogRepository::close);
    }

    @Test
    @DisplayName("writes the Go service's object: plain JSON, application/json, run-id, code-id, log-type, created-at")
    void plainObject() {
        CodeLog log = repository(settings -> settings).create(CodeLog.of(RUN, CODE, LogType.ERROR, "boom"));

        ResponseBytes<GetObjectResponse> object = get(logKey(log));
        assertThat(object.asUtf8String()).startsWith("{\"id\":\"" + log.id() + "\"");
        assertThat(object.response().contentEncoding()).isNull();
        assertThat(object.response().contentType()).isEqualTo("application/json");
        assertThat(object.response().metadata())
                .isEqualTo(Map.of(
                        "run-id", RUN, "code-id", CODE, "log-type", "error", "created-at", "2025-03-01T23:59:59.500Z"));
        assertThat(get(prefix + "/index/" + log.id() + ".json").asUtf8String())
                .isEqualTo("{\"key\":\"" + logKey(log) + "\",\"run_id\":\"" + RUN + "\",\"code_id\":\"" + CODE
                        + "\",\"type\":\"error\",\"created_at\":\"2025-03-01T23:59:59.500Z\"}");
    }

    @Test
    @DisplayName("with gzip on, bodies are gzip with Content-Encoding: gzip, and every reader setting reads them")
    void gzipRoundTrip() {
        S3CodeLogRepository zipping = repository(settings -> settings.gzip(true));
        CodeLog log = zipping.create(CodeLog.of(RUN, CODE, LogType.INFO, "compressed ".repeat(50)));

        ResponseBytes<GetObjectResponse> object = get(logKey(log));
        assertThat(object.response().contentEncoding()).isEqualTo("gzip");
        assertThat(object.asByteArray()).startsWith((byte) 0x1f, (byte) 0x8b).hasSizeLessThan(300);
        assertThat(zipping.findById(log.id())).contains(log);
        CodeLog updated = zipping.update(log.id(), "still compressed");
        assertThat(get(logKey(log)).response().contentEncoding()).isEqualTo("gzip");

        S3CodeLogRepository plain = repository(settings -> settings.gzip(false));
        assertThat(plain.findById(log.id())).contains(updated);
        assertThat(plain.listRunLogs(RUN, null, 10, 1)).containsExactly(updated);
    }

    @Test
    @DisplayName("a gzip body without Content-Encoding is recognised by its magic bytes")
    void gzipWithoutHeader() throws Exception {
        CodeLog log = new CodeLog(RUN.substring(0, 18) + "000001", RUN, CODE, LogType.DEBUG, "zipped", NOW, NOW);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write(new io.codelog.core.CodeLogJson().write(log));
        }
        s3.put(bucket, new S3Fixture.RawObject(logKey(log), zipped.toByteArray()));

        S3CodeLogRepository plain = repository(settings -> settings.gzip(false));
        assertThat(plain.findById(log.id())).contains(log);
        assertThat(plain.listRunLogs(RUN, CODE, 10, 1)).containsExactly(log);
    }

    @Test
    @DisplayName("SSE-S3 is asked for on every PUT, log and pointer, and the server reports it")
    void sseS3() {
        CodeLog log = repository(settings -> settings.encryption(ServerSideEncryption.aes256()))
                .create(CodeLog.of(RUN, CODE, LogType.INFO, "secret"));

        for (String key : List.of(logKey(log), prefix + "/index/" + log.id() + ".json")) {
            HeadObjectResponse head =
                    s3.client.headObject(request -> request.bucket(bucket).key(key));
            assertThat(head.serverSideEncryptionAsString()).isEqualTo("AES256");
        }
    }

    @Test
    @DisplayName("SSE-KMS sends the key id on every PUT, and the server reports it")
    void sseKms() {
        CodeLog log = repository(settings -> settings.encryption(ServerSideEncryption.kms("alias/codelog")))
                .create(CodeLog.of(RUN, CODE, LogType.INFO, "secret"));

        for (String key : List.of(logKey(log), prefix + "/index/" + log.id() + ".json")) {
            HeadObjectResponse head =
                    s3.client.headObject(request -> request.bucket(bucket).key(key));
            assertThat(head.serverSideEncryptionAsString()).isEqualTo("aws:kms");
            assertThat(head.ssekmsKeyId()).isEqualTo("alias/codelog");
        }
    }

    @Test
    @DisplayName("a log updated on another UTC day stays under its creation day, found, listed and counted")
    void updateOnAnotherDay() {
        S3CodeLogRepository repository = repository(settings -> settings);
        CodeLog log = repository.create(CodeLog.of(RUN, CODE, LogType.INFO, "day one"));
        clock.set(NOW.plus(Duration.ofDays(2)));

        CodeLog updated = repository.update(log.id(), "day three");

        assertThat(s3.keys(bucket, prefix + "/logs/"))
                .containsExactly(prefix + "/logs/2025/03/01/" + RUN + "/" + CODE + "/" + log.id() + ".json");
        assertThat(updated.updatedAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(repository.findById(log.id())).contains(updated);
        assertThat(repository.listRunLogs(RUN, null, 10, 1)).containsExactly(updated);
        assertThat(repository.count(RUN, CODE)).isEqualTo(1);
        assertThat(repository.count(null, CODE)).isEqualTo(1);
    }

    @Test
    @DisplayName("a pointer to a log deleted behind the store's back reads as absent and is removed")
    void stalePointer() {
        S3CodeLogRepository repository = repository(settings -> settings);
        CodeLog log = repository.create(CodeLog.of(RUN, CODE, LogType.INFO, "x"));
        s3.client.deleteObject(request -> request.bucket(bucket).key(logKey(log)));

        assertThat(repository.findById(log.id())).isEmpty();
        assertThat(s3.keys(bucket, prefix + "/index/")).isEmpty();
        assertThatThrownBy(() -> repository.update(log.id(), "y")).isInstanceOf(CodeLogNotFoundException.class);
        assertThat(s3.keys(bucket, prefix + "/logs/")).isEmpty();
    }

    @Test
    @DisplayName("a damaged pointer is reported and replaced, and the log is found by the search")
    void damagedPointer() {
        Map<String, String> reported = new ConcurrentHashMap<>();
        S3CodeLogRepository repository = repository(settings -> settings.onUnreadable(reported::put));
        CodeLog log = repository.create(CodeLog.of(RUN, CODE, LogType.INFO, "x"));
        String pointer = prefix + "/index/" + log.id() + ".json";
        s3.put(bucket, new S3Fixture.RawObject(pointer, "{\"key\": \"elsewhere\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(repository.findById(log.id())).contains(log);

        assertThat(reported).containsOnlyKeys(pointer);
        assertThat(get(pointer).asUtf8String()).contains("\"key\":\"" + logKey(log) + "\"");
        s3.counter.reset();
        assertThat(repository.findById(log.id())).contains(log);
        assertThat(s3.counter.snapshot()).isEqualTo(Map.of("GetObject", 2L));
    }

    @Test
    @DisplayName("legacy days are probed once per interval: a short interval sees new legacy days, a long one not")
    void legacyProbeInterval() {
        S3CodeLogRepository cached = repository(settings -> settings.legacyProbeInterval(Duration.ofHours(1)));
        S3CodeLogRepository eager = repository(settings -> settings.legacyProbeInterval(Duration.ofNanos(1)));
        assertThat(cached.count(RUN, null)).isZero();
        assertThat(eager.count(RUN, null)).isZero();
        CodeLog log = new CodeLog(RUN.substring(0, 18) + "0000aa", RUN, CODE, LogType.INFO, "old path", NOW, NOW);
        s3.put(
                bucket,
                new S3Fixture.RawObject(bucket + "/" + logKey(log), new io.codelog.core.CodeLogJson().write(log)));

        assertThat(eager.listRunLogs(RUN, null, 10, 1)).containsExactly(log);
        assertThat(cached.count(RUN, null)).isZero();
    }

    @Test
    @DisplayName("a prefix is written without leading or trailing slashes; no prefix puts logs at logs/")
    void prefixes() {
        String messy = "/" + prefix + "/nested/";
        CodeLog nested =
                repository(settings -> settings.prefix(messy)).create(CodeLog.of(RUN, CODE, LogType.INFO, "n"));
        assertThat(s3.keys(bucket, prefix + "/nested/logs/"))
                .containsExactly(prefix + "/nested/logs/2025/03/01/" + RUN + "/" + CODE + "/" + nested.id() + ".json");

        String emptyBucket = s3.newBucket("codelog-noprefix");
        try (S3CodeLogRepository bare = new S3CodeLogRepository(
                s3.client,
                S3CodeLogSettings.builder(emptyBucket)
                        .rules(CodeLogRules.withClock(clock))
                        .build())) {
            CodeLog log = bare.create(CodeLog.of(RUN, CODE, LogType.INFO, "bare"));
            assertThat(s3.keys(emptyBucket, ""))
                    .containsExactlyInAnyOrder(
                            "logs/2025/03/01/" + RUN + "/" + CODE + "/" + log.id() + ".json",
                            "index/" + log.id() + ".json");
            assertThat(bare.listRunLogs(RUN, null, 10, 1)).containsExactly(log);
        }
    }

    @Test
    @DisplayName("S3 failures become CodeLogStorageException naming operation, bucket and key, never content")
    void storageErrors() {
        S3CodeLogRepository missing = new S3CodeLogRepository(
                s3.client,
                S3CodeLogSettings.builder("codelog-no-such-bucket")
                        .rules(CodeLogRules.withClock(clock))
                        .build());
        opened.add(missing);

        CodeLogStorageException create = catchThrowableOfType(
                CodeLogStorageException.class, () -> missing.create(CodeLog.of(RUN, CODE, LogType.INFO, "hidden")));
        assertThat(create.store()).isEqualTo("s3");
        assertThat(create.operation()).isEqualTo("create");
        assertThat(create.getMessage())
                .contains("bucket=codelog-no-such-bucket", "key=logs/2025/03/01/", "NoSuchBucket")
                .doesNotContain("hidden");

        CodeLogStorageException find = catchThrowableOfType(CodeLogStorageException.class, () -> missing.findById(RUN));
        assertThat(find.operation()).isEqualTo("findById");
        assertThat(find.getMessage()).contains("key=index/" + RUN + ".json");
        assertThat(catchThrowableOfType(CodeLogStorageException.class, () -> missing.count(RUN, null))
                        .operation())
                .isEqualTo("count");
    }

    @Test
    @DisplayName("a page's GETs run in parallel on daemon threads named codelog-s3-N")
    void parallelThreads() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Set<Boolean> daemon = ConcurrentHashMap.newKeySet();
        S3CodeLogRepository repository =
                repository(settings -> settings.readConcurrency(4).onUnreadable((key, reason) -> {
                    threads.add(Thread.currentThread().getName());
                    daemon.add(Thread.currentThread().isDaemon());
                }));
        for (int i = 0; i < 12; i++) {
            CodeLog log = new CodeLog(
                    RUN.substring(0, 18) + String.format("%06x", i), RUN, CODE, LogType.INFO, "x", NOW, NOW);
            s3.put(bucket, new S3Fixture.RawObject(logKey(log), "not json".getBytes(StandardCharsets.UTF_8)));
        }

        assertThat(repository.listRunLogs(RUN, null, 100, 1)).isEmpty();

        assertThat(threads).isNotEmpty().allMatch(name -> name.matches("codelog-s3-[1-4]"));
        assertThat(daemon).containsExactly(true);
    }

    private S3CodeLogRepository repository(UnaryOperator<S3CodeLogSettingsBuilder> options) {
        S3CodeLogRepository repository = new S3CodeLogRepository(
                s3.client,
                options.apply(S3CodeLogSettings.builder(bucket).prefix(prefix).rules(CodeLogRules.withClock(clock)))
                        .build());
        opened.add(repository);
        return repository;
    }

    private String logKey(CodeLog log) {
        return prefix + "/logs/2025/03/01/" + log.runId() + "/" + log.codeId() + "/" + log.id() + ".json";
    }

    private static ResponseBytes<GetObjectResponse> get(String key) {
        return s3.client.getObjectAsBytes(request -> request.bucket(bucket).key(key));
    }
}
