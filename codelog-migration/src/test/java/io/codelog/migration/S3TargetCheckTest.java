package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3ObjectFormat;
import io.codelog.s3.ServerSideEncryption;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The S3 target's check against what the store really wrote, byte for byte, for every body encoding, and its
 * request cost in each case.
 */
@ExtendWith(TestServers.class)
class S3TargetCheckTest {

    private static final Instant AT = Instant.parse("2024-12-10T18:04:05.123456789Z");
    private static final CodeLog LOG = new CodeLog(
            "675883a5c4d5e6f708192a3d",
            "65f1a2b3c4d5e6f708192a3b",
            "0b8e9f3a-6c2d-4f1e-9a7b-3c4d5e6f7a8b",
            LogType.ERROR,
            "résultat ✓ \"quoted\"\n",
            AT,
            AT.plusSeconds(3));

    private MigrationFixture fixture;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("plain JSON: missing costs 1 LIST, identical 1 HEAD of the pointer, a changed body or a missing"
            + " pointer is DIFFERENT")
    void plainBodies() {
        assertChecks(fixture.s3Settings, "ListObjectsV2", "HeadObject");
    }

    @Test
    @DisplayName("gzip bodies: the store's compressed bytes are matched exactly")
    void gzipBodies() {
        assertChecks(fixture.s3Settings.withGzip(true), "ListObjectsV2", "HeadObject");
    }

    @Test
    @DisplayName("SSE-KMS, whose ETags are not MD5s: bodies are compared with GETs")
    void kmsBodies() {
        assertChecks(fixture.s3Settings.withEncryption(ServerSideEncryption.kms("alias/test")), null, "GetObject");
    }

    private void assertChecks(S3CodeLogSettings settings, String missingCost, String pointerCost) {
        try (S3CodeLogRepository repository = new S3CodeLogRepository(fixture.s3, settings)) {
            S3LogTarget target = new S3LogTarget(fixture.s3, settings, repository);
            fixture.resetCounts();
            assertThat(target.checker(RequestGate.open()).check(LOG)).isEqualTo(TargetCopy.MISSING);
            if (missingCost != null) {
                assertThat(fixture.counter.snapshot()).containsOnlyKeys(missingCost);
            }

            repository.put(LOG);
            fixture.resetCounts();
            assertThat(target.checker(RequestGate.open()).check(LOG)).isEqualTo(TargetCopy.IDENTICAL);
            assertThat(fixture.counter.count(pointerCost)).isPositive();
            assertThat(fixture.counter.count("PutObject")).isZero();

            CodeLog changed = LOG.withContent("other", LOG.updatedAt());
            assertThat(target.checker(RequestGate.open()).check(changed)).isEqualTo(TargetCopy.DIFFERENT);

            S3ObjectFormat keys = new S3ObjectFormat(settings);
            fixture.s3.deleteObject(request -> request.bucket(settings.bucket()).key(keys.indexKey(LOG.id())));
            assertThat(target.checker(RequestGate.open()).check(LOG)).isEqualTo(TargetCopy.DIFFERENT);

            fixture.s3.putObject(
                    request -> request.bucket(settings.bucket()).key(keys.logKey(LOG)), RequestBody.fromString("{}"));
            assertThat(target.checker(RequestGate.open()).check(LOG)).isEqualTo(TargetCopy.DIFFERENT);
        }
    }
}
