package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.LogType;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** One structured audit line per write, captured from logback: the id and timing, never content or secrets. */
@ExtendWith(TestServers.class)
class AuditLogTest {

    private static final String CONTENT = "user output: password=hunter2";

    private static TestStores stores;

    private final Logger audit = (Logger) LoggerFactory.getLogger(AuditedCodeLogRepository.LOGGER);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        stores = new TestStores(mongo, s3);
    }

    @BeforeEach
    void capture() {
        captured.start();
        audit.addAppender(captured);
        audit.setLevel(Level.TRACE);
    }

    @AfterEach
    void release() {
        audit.detachAppender(captured);
        audit.setLevel(null);
    }

    @Test
    void everyWriteIsOneLineWithOperationStoreIdAndDuration() {
        Map<String, Object> variables = new java.util.HashMap<>(stores.s3Variables());
        variables.put("FLOWS_CODE_ACTIONS_S3_ENABLED", "true");
        variables.put("FLOWS_CODE_ACTIONS_AUDIT_LEVEL", "info");
        String secret = (String) variables.get("FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY");
        stores.runner(variables).run(context -> {
            assertThat(context).hasNotFailed();
            CodeLogRepository repository = context.getBean(CodeLogRepository.class);
            String runId = new ObjectId().toHexString();
            CodeLog created = repository.create(CodeLog.of(runId, runId, LogType.INFO, CONTENT));
            repository.findById(created.id());
            repository.update(created.id(), CONTENT + " again");
            repository.delete(created.id());
            repository.deleteOlder(Instant.parse("2000-01-01T00:00:00Z"), 10);

            List<ILoggingEvent> lines = captured.list;
            assertThat(lines)
                    .extracting(line -> keyValues(line).get("operation"))
                    .containsExactly("create", "update", "delete", "deleteOlder");
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.getLevel()).isEqualTo(Level.INFO);
                assertThat(keyValues(line))
                        .containsEntry("store", "s3")
                        .containsEntry("outcome", "success")
                        .containsKey("duration_ms");
            });
            assertThat(lines.subList(0, 3))
                    .allSatisfy(line -> assertThat(keyValues(line)).containsEntry("id", created.id()));
            String everything = lines.stream()
                    .map(line -> line.getFormattedMessage() + " " + keyValues(line))
                    .collect(Collectors.joining("\n"));
            assertThat(everything).doesNotContain("hunter2").doesNotContain(secret);
        });
    }

    @Test
    void belowTheLoggersLevelNothingIsWritten() {
        audit.setLevel(Level.INFO);
        stores.runner().run(context -> {
            String runId = new ObjectId().toHexString();
            context.getBean(CodeLogRepository.class).create(CodeLog.of(runId, runId, LogType.INFO, CONTENT));
            assertThat(captured.list).as("the default level is debug").isEmpty();
        });
    }

    private static Map<String, Object> keyValues(ILoggingEvent line) {
        return line.getKeyValuePairs() == null
                ? Map.of()
                : line.getKeyValuePairs().stream()
                        .collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value)));
    }
}
