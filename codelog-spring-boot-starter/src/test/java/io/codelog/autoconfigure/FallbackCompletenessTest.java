package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.core.FallbackCodeLogRepository;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3ObjectFormat;
import io.codelog.s3.S3RequestCounter;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.mongodb.core.MongoTemplate;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The fallback composite over a real S3 store and a real MongoDB store: an object the S3 store skips does not
 * end its side of a listing, and a count of a run both stores hold reads ids from S3 keys and a MongoDB
 * projection, never a log.
 */
@ExtendWith(TestServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FallbackCompletenessTest {

    private static final Instant START = Instant.parse("2025-06-01T10:00:00Z");

    private TestStores servers;
    private MongoTestServer mongoServer;

    private final MutableClock clock = MutableClock.at(START);
    private final String runId = IdGenerator.objectIds().newId(START.minusSeconds(5));
    private final String codeId = IdGenerator.objectIds().newId(START.minusSeconds(6));
    private final S3RequestCounter s3Requests = new S3RequestCounter();
    private final List<String> mongoCommands = new CopyOnWriteArrayList<>();
    private S3Client s3Client;
    private MongoClient mongoClient;
    private String bucket;
    private S3CodeLogSettings s3Settings;
    private S3CodeLogRepository s3;
    private MongoCodeLogRepository mongo;
    private CodeLogRepository fallback;

    @BeforeAll
    void servers(MongoTestServer mongo, S3TestServer s3) {
        servers = new TestStores(mongo, s3);
        mongoServer = mongo;
    }

    @BeforeEach
    void stores() {
        CodeLogRules rules = CodeLogRules.withClock(clock);
        s3Client = servers.clientBuilder()
                .overrideConfiguration(o -> o.addExecutionInterceptor(s3Requests))
                .build();
        bucket = servers.createBucket();
        s3Settings = S3CodeLogSettings.builder(bucket).rules(rules).build();
        s3 = new S3CodeLogRepository(s3Client, s3Settings);
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                boolean idsOnly = event.getCommand().containsKey("projection");
                mongoCommands.add(event.getCommandName() + (idsOnly ? " of ids" : ""));
            }
        };
        mongoClient = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(mongoServer.connectionString()))
                .addCommandListener(listener)
                .build());
        mongo = new MongoCodeLogRepository(
                new MongoTemplate(
                        mongoClient, "fallback_" + TestStores.uniqueName().replace('-', '_')),
                MongoCodeLogSettings.defaults().withRules(rules));
        fallback = new FallbackCodeLogRepository(s3, mongo, operation -> {});
    }

    @AfterEach
    void close() {
        s3.close();
        s3Client.close();
        mongoClient.close();
    }

    @Test
    void aPageShortOfASkippedObjectIsNotTheEndOfTheStore() {
        List<CodeLog> readable = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofSeconds(1));
            readable.add(s3.create(CodeLog.of(runId, codeId, LogType.INFO, "line " + i)));
        }
        // An object between the 3rd and 4th logs that the store cannot read, so a page of 10 comes back with 9.
        String corruptId = IdGenerator.objectIds().newId(readable.get(2).createdAt());
        CodeLog corrupt = new CodeLog(corruptId, runId, codeId, LogType.INFO, "x", START, START);
        s3Client.putObject(
                request -> request.bucket(bucket).key(new S3ObjectFormat(s3Settings).logKey(corrupt)),
                RequestBody.fromString("{ not json", StandardCharsets.UTF_8));

        assertThat(fallback.listRunLogs(runId, null, 5, 2))
                .as("the second page of 5: the 6th to 10th readable logs")
                .containsExactlyElementsOf(readable.subList(5, 10));
        assertThat(fallback.listRunLogs(runId, null, 5, 3)).containsExactlyElementsOf(readable.subList(10, 12));
    }

    @Test
    void aCountOfARunBothStoresHoldReadsIdsNotLogs() {
        List<CodeLog> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofSeconds(1));
            CodeLog log = CodeLog.of(runId, codeId, LogType.INFO, "line " + i);
            if (i < 10) {
                all.add(mongo.create(log));
            } else if (i < 15) {
                CodeLog stored = mongo.create(log);
                s3.put(stored);
                all.add(stored);
            } else {
                all.add(s3.create(log));
            }
        }
        s3Requests.reset();
        mongoCommands.clear();

        assertThat(fallback.count(runId, null)).isEqualTo(all.size());

        Map<String, Long> s3Calls = s3Requests.snapshot();
        assertThat(s3Calls).containsOnlyKeys("ListObjectsV2");
        assertThat(mongoCommands)
                .as("MongoDB commands: the count, then one query of the ids, never of whole logs")
                .contains("find of ids")
                .doesNotContain("find", "getMore");
    }
}
