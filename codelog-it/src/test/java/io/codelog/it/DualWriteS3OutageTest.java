package io.codelog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.codelog.core.CodeLog;
import io.codelog.core.DualWriteCodeLogRepository;
import io.codelog.core.DualWriteFailure;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.migration.DualWriteRepair;
import io.codelog.migration.DualWriteRepairReport;
import io.codelog.migration.MigrationEngine;
import io.codelog.migration.VerificationReport;
import io.codelog.migration.VerifyJob;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.mongo.MongoDualWriteFailureLog;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Dual write from MongoDB to S3 while S3 is cut off: every caller's create, update and delete succeeds, each
 * copy the secondary missed is recorded with its log id, and after S3 is back the repair of the recorded
 * failures and a verify with repair leave both stores equal, logs deleted during the outage included.
 */
@ExtendWith(TestServers.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DualWriteS3OutageTest {

    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
    private static final int WRITERS = 4;
    private static final int LOGS_BEFORE_EACH = 10;
    private static final int OPERATIONS_DURING_EACH = 24;
    private static final Set<String> RECORDED_OPERATIONS = Set.of("create", "update", "delete");

    private final Queue<Throwable> callerFailures = new ConcurrentLinkedQueue<>();
    private final Set<String> deletedDuringOutage = ConcurrentHashMap.newKeySet();
    private final String[] runs = new String[WRITERS];
    private final AtomicInteger writesDuringOutage = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private MongoClient mongoClient;
    private MongoTemplate mongo;
    private ProxiedS3 proxied;
    private S3Connection throughProxy;
    private MongoCodeLogSettings mongoSettings;
    private S3CodeLogSettings s3Settings;
    private MongoCodeLogRepository primary;
    private S3CodeLogRepository secondary;
    private MongoDualWriteFailureLog failures;
    private DualWriteCodeLogRepository dualWrite;

    @BeforeEach
    void setUp(MongoTestServer mongoServer, S3TestServer s3Server) throws Exception {
        mongoClient = MongoClients.create(mongoServer.connectionString());
        mongo = new MongoTemplate(mongoClient, "codelog_outage_" + Long.toHexString(System.nanoTime()));
        proxied = ProxiedS3.start(s3Server, "codelog-outage");
        throughProxy = proxied.connect(ClientBudget.SHORT);
        mongoSettings = MongoCodeLogSettings.defaults().withCollection("codelog");
        s3Settings = S3CodeLogSettings.of(proxied.bucket(), S3Connection.newPrefix("outage"));
        primary = new MongoCodeLogRepository(mongo, mongoSettings);
        secondary = new S3CodeLogRepository(throughProxy.client(), s3Settings);
        failures = new MongoDualWriteFailureLog(mongo);
        dualWrite = new DualWriteCodeLogRepository(primary, secondary, failures, Clock.systemUTC());
        IdGenerator ids = IdGenerator.objectIds();
        for (int w = 0; w < WRITERS; w++) {
            runs[w] = ids.newId(Instant.now());
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        secondary.close();
        throughProxy.close();
        proxied.close();
        mongo.getDb().drop();
        mongoClient.close();
    }

    @Test
    void everyCallerWriteSucceedsAndRepairLeavesBothStoresEqual() throws Exception {
        List<List<CodeLog>> logsByWriter = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            logsByWriter.add(new ArrayList<>());
        }
        runWriters(writer -> createBefore(logsByWriter.get(writer), writer));
        assertThat(failures.count()).as("failures recorded before the outage").isZero();

        proxied.proxy().cut();
        try {
            runWriters(writer -> writeDuringOutage(logsByWriter.get(writer), writer));
        } finally {
            proxied.proxy().restore();
        }
        runWriters(writer -> createAfter(logsByWriter.get(writer), writer));

        assertThat(callerFailures).as("caller writes that failed").isEmpty();
        List<DualWriteFailure> recorded = failures.oldest(10_000);
        assertThat(recorded)
                .as("one recorded failure per write made during the outage")
                .hasSize(writesDuringOutage.get())
                .allSatisfy(failure -> {
                    assertThat(failure.logId()).isNotNull();
                    assertThat(failure.operation()).isIn(RECORDED_OPERATIONS);
                });

        DualWriteRepairReport repair = new DualWriteRepair(primary, secondary, failures).run();
        assertThat(repair.failures()).isEqualTo(recorded.size());
        assertThat(repair.stillFailing()).isZero();
        assertThat(repair.newerInSecondary()).isZero();
        assertThat(repair.copied() + repair.deletedFromSecondary() + repair.alreadyRepaired())
                .as("logs repaired, once each (a log created and deleted during the outage needs nothing)")
                .isEqualTo(recorded.stream()
                        .map(DualWriteFailure::logId)
                        .distinct()
                        .count());
        assertThat(failures.count()).as("failures left after the repair").isZero();

        try (S3CodeLogRepository direct =
                new S3CodeLogRepository(proxied.direct().client(), s3Settings)) {
            MigrationEngine engine = MigrationEngine.mongoToS3(
                    mongo, mongoSettings, proxied.direct().client(), s3Settings, direct, Clock.systemUTC());
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            VerifyJob days = VerifyJob.of(today.minusDays(1), today.plusDays(2));
            VerificationReport repairing = engine.verify(days.withRepair(true));
            VerificationReport readOnly = engine.verify(days);

            List<CodeLog> live = liveLogs(logsByWriter);
            assertThat(repairing.repaired())
                    .as("left for verify to repair after the dual-write repair")
                    .isZero();
            assertThat(readOnly.checked()).isEqualTo(live.size());
            assertThat(readOnly.missingInTarget()).isZero();
            assertThat(readOnly.different()).isZero();
            assertThat(readOnly.unreadable()).isZero();
            assertThat(readOnly.allEqual()).isTrue();
            assertThat(deletedDuringOutage).isNotEmpty();
            for (String id : deletedDuringOutage) {
                assertThat(primary.findById(id))
                        .as("deleted log %s in MongoDB", id)
                        .isEmpty();
                assertThat(direct.findById(id)).as("deleted log %s in S3", id).isEmpty();
            }
            for (CodeLog log : live) {
                assertThat(direct.findById(log.id()))
                        .contains(primary.findById(log.id()).orElseThrow());
            }
            assertThat(proxied.direct().keys(s3Settings.bucket(), s3Settings.prefix() + "/logs/"))
                    .as("objects in S3, one per log left in MongoDB")
                    .hasSize(live.size());
            System.out.printf(
                    "Dual write with S3 cut: %d writes (%d during the outage), %d failures recorded, %d logs repaired"
                            + " (%d copied, %d deleted from S3, %d already in step), verify: %d checked, %d missing, %d"
                            + " different%n",
                    writes.get(),
                    writesDuringOutage.get(),
                    recorded.size(),
                    repair.copied() + repair.deletedFromSecondary() + repair.alreadyRepaired(),
                    repair.copied(),
                    repair.deletedFromSecondary(),
                    repair.alreadyRepaired(),
                    readOnly.checked(),
                    readOnly.missingInTarget(),
                    readOnly.different());
        }
    }

    private void createBefore(List<CodeLog> logs, int writer) {
        for (int n = 0; n < LOGS_BEFORE_EACH; n++) {
            int i = n;
            logs.add(write(() -> dualWrite.create(CodeLog.of(runOf(writer), CODE, LogType.INFO, "before " + i))));
        }
    }

    /** Creates, updates and deletes in turn: updates and deletes hit logs written before and during the outage. */
    private void writeDuringOutage(List<CodeLog> logs, int writer) {
        for (int n = 0; n < OPERATIONS_DURING_EACH; n++) {
            int i = n;
            switch (i % 3) {
                case 0 ->
                    logs.add(write(
                            () -> dualWrite.create(CodeLog.of(runOf(writer), CODE, LogType.ERROR, "during " + i))));
                case 1 -> {
                    int index = (i * 7) % logs.size();
                    String id = logs.get(index).id();
                    logs.set(index, write(() -> dualWrite.update(id, "updated during the outage " + i)));
                }
                default -> {
                    CodeLog gone = logs.remove(i % 2 == 0 ? 0 : logs.size() - 1);
                    write(() -> dualWrite.delete(gone.id()));
                    deletedDuringOutage.add(gone.id());
                }
            }
            writesDuringOutage.incrementAndGet();
        }
    }

    private void createAfter(List<CodeLog> logs, int writer) {
        logs.add(write(() -> dualWrite.create(CodeLog.of(runOf(writer), CODE, LogType.DEBUG, "after"))));
    }

    private <T> T write(Supplier<T> call) {
        writes.incrementAndGet();
        try {
            return call.get();
        } catch (RuntimeException e) {
            callerFailures.add(e);
            throw e;
        }
    }

    private void runWriters(IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                running.add(pool.submit(() -> work.accept(writer)));
            }
            for (Future<?> writer : running) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<CodeLog> liveLogs(List<List<CodeLog>> logsByWriter) {
        List<CodeLog> live = new ArrayList<>();
        logsByWriter.forEach(live::addAll);
        assertThat(new HashSet<>(live.stream().map(CodeLog::id).toList())).hasSize(live.size());
        return live;
    }

    private String runOf(int writer) {
        return runs[writer];
    }
}
