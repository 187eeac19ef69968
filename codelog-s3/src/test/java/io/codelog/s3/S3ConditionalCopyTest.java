package io.codelog.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRules;
import io.codelog.core.LogType;
import io.codelog.core.StoredVersion;
import io.codelog.test.ConditionalCopyTargetContract;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The S3 store's conditional copies with id index pointers: the shared contract, what they cost, and the objects
 * only S3 has (unreadable, over the byte cap).
 */
@ExtendWith(TestServers.class)
class S3ConditionalCopyTest extends ConditionalCopyTargetContract<S3CodeLogRepository> {

    private static final Instant AT = Instant.parse("2024-12-10T18:04:05.123456789Z");
    private static final CodeLog LOG = new CodeLog(
            "675883a5c4d5e6f708192a3d",
            "65f1a2b3c4d5e6f708192a3b",
            "0b8e9f3a-6c2d-4f1e-9a7b-3c4d5e6f7a8b",
            LogType.ERROR,
            "résultat ✓",
            AT,
            AT.plusSeconds(3));

    private static S3Fixture s3;
    private static String bucket;
    private final List<S3CodeLogRepository> opened = new ArrayList<>();
    private S3CodeLogSettings settings;

    @BeforeAll
    static void bucket(S3TestServer server) {
        s3 = new S3Fixture(server);
        bucket = s3.newBucket("codelog-conditional");
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @AfterEach
    void closeStores() {
        opened.forEach(S3CodeLogRepository::close);
    }

    @Override
    protected S3CodeLogRepository newStore(CodeLogRules rules) {
        settings = S3CodeLogSettings.builder(bucket)
                .prefix(S3Fixture.newPrefix("conditional"))
                .rules(rules)
                .build();
        S3CodeLogRepository store = new S3CodeLogRepository(s3.client, settings);
        opened.add(store);
        return store;
    }

    @Test
    @DisplayName("costs: a read where the log belongs 1 GET, by id 2 GETs, a copy 1 conditional PUT and 1 pointer"
            + " PUT, a delete 1 HEAD and 1 DeleteObjects")
    void requestCosts() {
        S3CodeLogRepository store = newStore(CodeLogRules.defaults());

        s3.counter.reset();
        assertThat(store.readVersion(LOG).exists()).isFalse();
        assertThat(s3.counter.snapshot()).as("no search").containsExactlyEntriesOf(Map.of("GetObject", 1L));

        store.put(LOG);
        s3.counter.reset();
        assertThat(store.readVersion(LOG.id()).log()).isEqualTo(LOG);
        assertThat(s3.counter.snapshot()).containsExactlyEntriesOf(Map.of("GetObject", 2L));

        s3.counter.reset();
        StoredVersion read = store.readVersion(LOG);
        assertThat(s3.counter.snapshot()).containsExactlyEntriesOf(Map.of("GetObject", 1L));

        s3.counter.reset();
        assertThat(store.putIfUnchanged(LOG.withContent("copied", LOG.updatedAt()), read))
                .isTrue();
        assertThat(s3.counter.snapshot()).containsExactlyEntriesOf(Map.of("PutObject", 2L));

        StoredVersion again = store.readVersion(LOG.id());
        s3.counter.reset();
        assertThat(store.deleteIfUnchanged(again)).isTrue();
        assertThat(s3.counter.snapshot()).containsOnlyKeys("HeadObject", "DeleteObjects");
        assertThat(s3.counter.total()).isEqualTo(2);
    }

    @Test
    @DisplayName("an object that is not a readable log reads as unreadable, and a copy over its ETag replaces it")
    void unreadableObjectReplaced() {
        S3CodeLogRepository store = newStore(CodeLogRules.defaults());
        store.put(LOG);
        String key = new S3ObjectFormat(settings).logKey(LOG);
        s3.client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString("{oops"));

        StoredVersion read = store.readVersion(LOG);

        assertThat(read.exists()).isTrue();
        assertThat(read.log()).isNull();
        assertThat(read.problem()).isNotBlank();
        assertThat(store.readVersion(LOG.id())).as("read by id").isEqualTo(read);
        assertThat(store.putIfUnchanged(LOG, read)).isTrue();
        assertThat(store.findById(LOG.id())).contains(LOG);
    }

    @Test
    @DisplayName("an object over the byte cap is not downloaded: it reads as unreadable with its ETag from a HEAD")
    void objectOverTheCap() {
        S3CodeLogRepository store = newStore(CodeLogRules.defaults());
        CodeLog huge = LOG.withContent("x".repeat(1_100_000), LOG.updatedAt());
        store.put(huge);

        s3.counter.reset();
        StoredVersion read = store.readVersion(LOG.id());

        assertThat(read.log()).isNull();
        assertThat(read.problem()).contains("over the 1048576-byte limit");
        assertThat(s3.counter.count("HeadObject")).isEqualTo(1);
        assertThat(store.putIfUnchanged(LOG, read)).isTrue();
        assertThat(store.findById(LOG.id())).contains(LOG);
    }
}
