package io.codelog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogStorageException;
import io.codelog.core.LogType;
import io.codelog.core.MalformedCodeLogException;
import io.codelog.core.StoredVersion;
import io.codelog.it.FaultProxy.Fault;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server that writes objects in place (Adobe S3Mock) can serve an object part-written while a PUT of it runs; the
 * proxy's {@link Fault#PART_WRITTEN} answers a GET that way. The store reads such a body once more before it calls
 * the object unreadable: every read path sees the whole log at the cost of 1 GET more, and an object that stays
 * unreadable costs exactly that one GET more before it is skipped and reported.
 */
@ExtendWith(TestServers.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PartWrittenObjectsTest {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private static ProxiedS3 proxied;

    private final Map<String, String> reported = new ConcurrentHashMap<>();
    private S3Connection connection;
    private S3CodeLogRepository repository;
    private String prefix;
    private String runId;
    private List<CodeLog> logs;
    private long injectedBefore;

    @BeforeAll
    static void startProxy(S3TestServer s3) throws IOException {
        proxied = ProxiedS3.start(s3, "codelog-part-written");
    }

    @AfterAll
    static void stopProxy() throws IOException {
        proxied.close();
    }

    @BeforeEach
    void threeLogs() {
        connection = proxied.connect(ClientBudget.SHORT);
        prefix = S3Connection.newPrefix("part-written");
        repository = new S3CodeLogRepository(
                connection.client(),
                S3CodeLogSettings.builder(proxied.bucket())
                        .prefix(prefix)
                        .onUnreadable(reported::put)
                        .build());
        runId = UUID.randomUUID().toString();
        String codeId = UUID.randomUUID().toString();
        logs = List.of(
                repository.create(CodeLog.of(runId, codeId, LogType.INFO, "first line")),
                repository.create(CodeLog.of(runId, codeId, LogType.ERROR, "second line")),
                repository.create(CodeLog.of(runId, codeId, LogType.INFO, "third line")));
        connection.counter().reset();
        injectedBefore = proxied.proxy().injected();
    }

    @AfterEach
    void close() {
        proxied.proxy().passThrough();
        repository.close();
        connection.close();
    }

    @Test
    @DisplayName("a listing shows a log whose object was served part-written once, for 1 GET more")
    void listingReadsAPartWrittenObjectAgain() {
        servePartWritten(logKey(logs.get(1)), 1);

        assertThat(repository.listRunLogs(runId, null, 10, 1)).containsExactlyElementsOf(logs);

        assertThat(proxied.proxy().injected()).isEqualTo(injectedBefore + 1);
        assertThat(connection.counter().count("GetObject")).isEqualTo(logs.size() + 1);
        assertThat(reported).isEmpty();
    }

    @Test
    @DisplayName("findById and update read the log whose object was served part-written once")
    void lookupReadsAPartWrittenObjectAgain() {
        CodeLog log = logs.get(2);
        servePartWritten(logKey(log), 1);
        assertThat(repository.findById(log.id())).contains(log);

        servePartWritten(logKey(log), 1);
        assertThat(repository.update(log.id(), "third line, amended").content()).isEqualTo("third line, amended");

        assertThat(proxied.proxy().injected()).isEqualTo(injectedBefore + 2);
        assertThat(repository.findById(log.id()).orElseThrow().content()).isEqualTo("third line, amended");
    }

    @Test
    @DisplayName("a pointer served part-written once still leads straight to its log, without a search")
    void pointerReadAgain() {
        CodeLog log = logs.get(0);
        servePartWritten(prefix + "/index/" + log.id() + ".json", 1);

        assertThat(repository.findById(log.id())).contains(log);

        assertThat(proxied.proxy().injected()).isEqualTo(injectedBefore + 1);
        assertThat(connection.counter().count("ListObjectsV2")).isZero();
        assertThat(reported).isEmpty();
    }

    @Test
    @DisplayName("a conditional copy's read sees the whole log, with the version a copy can be conditional on")
    void versionReadAgain() {
        CodeLog log = logs.get(1);
        servePartWritten(logKey(log), 1);

        StoredVersion read = repository.readVersion(log.id());

        assertThat(read.log()).isEqualTo(log);
        CodeLog amended = log.withContent("second line, copied", log.updatedAt().plusMillis(1));
        assertThat(repository.putIfUnchanged(amended, read)).isTrue();
        assertThat(repository.findById(log.id())).contains(amended);
    }

    @Test
    @DisplayName("an object served part-written twice is read twice only, then skipped and reported, or surfaced")
    void readAgainOnceOnly() {
        CodeLog log = logs.get(1);
        servePartWritten(logKey(log), 2);

        assertThat(repository.listRunLogs(runId, null, 10, 1)).containsExactly(logs.get(0), logs.get(2));

        assertThat(connection.counter().count("GetObject")).isEqualTo(logs.size() + 1);
        assertThat(reported).containsOnlyKeys(logKey(log));
        assertThat(reported.get(logKey(log))).contains("JSON");

        servePartWritten(logKey(log), 2);
        MalformedCodeLogException e =
                catchThrowableOfType(MalformedCodeLogException.class, () -> repository.findById(log.id()));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(logKey(log)).doesNotContain("second line");
        assertThat(repository.findById(log.id())).contains(log);
    }

    @Test
    @DisplayName("when the second GET fails, the listing fails typed: nothing is skipped as unreadable, nothing lost")
    void secondReadFails() {
        CodeLog log = logs.get(1);
        List<Fault> partThenErrors = new ArrayList<>(List.of(Fault.PART_WRITTEN));
        partThenErrors.addAll(Collections.nCopies(ClientBudget.SHORT.maxAttempts(), Fault.INTERNAL_ERROR_500));
        proxied.proxy().injectInTurn(getOf(logKey(log)), partThenErrors);

        assertThatThrownBy(() -> repository.listRunLogs(runId, null, 10, 1))
                .isInstanceOf(CodeLogStorageException.class)
                .hasMessageContaining(logKey(log));

        assertThat(proxied.proxy().injected()).isEqualTo(injectedBefore + partThenErrors.size());
        assertThat(reported).isEmpty();
        assertThat(repository.listRunLogs(runId, null, 10, 1)).containsExactlyElementsOf(logs);
    }

    private void servePartWritten(String key, int times) {
        proxied.proxy().inject(Fault.PART_WRITTEN, getOf(key), times);
    }

    private Predicate<String> getOf(String key) {
        String path = "/" + proxied.bucket() + "/" + key;
        return requestLine -> requestLine.startsWith("GET ") && requestLine.split(" ")[1].split("\\?")[0].equals(path);
    }

    private String logKey(CodeLog log) {
        return prefix + "/logs/" + DAY.format(log.createdAt()) + "/" + log.runId() + "/" + log.codeId() + "/" + log.id()
                + ".json";
    }
}
