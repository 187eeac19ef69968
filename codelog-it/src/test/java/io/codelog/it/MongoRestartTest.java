package io.codelog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogStorageException;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.core.PageRequest;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.mongo.MongoCodeLogSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mongodb.health.MongoHealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A MongoDB server stopped under write traffic and started again on the same port with the same data: while
 * it is down every operation fails with a storage exception within the driver's server selection timeout and
 * Spring Boot's MongoDB health indicator on the same client reports DOWN, and afterwards the same repository
 * instance and the same indicator work again (UP) and every acknowledged write is there.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MongoRestartTest {

    // Selection timeout plus connect and the in-flight request failing, with room for a loaded machine.
    private static final Duration FAILURE_BUDGET = RestartableMongoServer.SERVER_SELECTION.plusSeconds(3);
    private static final int WRITERS = 8;
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";

    private final String run = IdGenerator.objectIds().newId(Instant.now());
    private final Queue<CodeLog> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicLong slowestFailureNanos = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.UP);
    private final CountDownLatch warmedUp = new CountDownLatch(200);
    private final CountDownLatch failedWhileDown = new CountDownLatch(WRITERS);
    private final CountDownLatch succeededAfterRestart = new CountDownLatch(WRITERS);
    private final AtomicBoolean stopWriters = new AtomicBoolean();
    private RestartableMongoServer server;
    private MongoClient client;

    private enum Phase {
        UP,
        DOWN,
        RESTARTED
    }

    @BeforeEach
    void startServer() {
        server = RestartableMongoServer.start();
        client = server.newClient();
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close();
    }

    @Test
    void sameRepositoryRecoversAndKeepsEveryAcknowledgedWrite() throws Exception {
        MongoCodeLogRepository repository = new MongoCodeLogRepository(
                new MongoTemplate(client, "codelog_it"),
                MongoCodeLogSettings.defaults().withCollection("restart"));
        MongoHealthIndicator health = new MongoHealthIndicator(client);
        assertThat(health.health().getStatus()).as("health before the stop").isEqualTo(Status.UP);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> write(repository, writer)));
            }
            assertThat(warmedUp.await(30, TimeUnit.SECONDS))
                    .as("writes before the stop")
                    .isTrue();

            phase.set(Phase.DOWN);
            server.stop();
            assertThat(failedWhileDown.await(30, TimeUnit.SECONDS))
                    .as("every writer saw the outage")
                    .isTrue();
            assertFailsWithinBudget(() -> repository.findById(run));
            assertFailsWithinBudget(() -> repository.count(run, null));
            assertFailsWithinBudget(() -> repository.listRunLogs(run, null, 10, 1));
            assertThat(health.health().getStatus()).as("health while stopped").isEqualTo(Status.DOWN);

            server.startAgain();
            phase.set(Phase.RESTARTED);
            assertThat(succeededAfterRestart.await(30, TimeUnit.SECONDS))
                    .as("every writer wrote again through the same repository")
                    .isTrue();
            assertThat(health.health().getStatus())
                    .as("health after the restart")
                    .isEqualTo(Status.UP);
        } finally {
            stopWriters.set(true);
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
        }

        assertThat(unexpected).as("failures other than CodeLogStorageException").isEmpty();
        assertThat(Duration.ofNanos(slowestFailureNanos.get()))
                .as("slowest failed create")
                .isLessThan(FAILURE_BUDGET);
        int lost = 0;
        for (CodeLog log : acknowledged) {
            if (!repository.findById(log.id()).filter(log::equals).isPresent()) {
                lost++;
            }
        }
        Set<String> listed = listedIds(repository);
        System.out.printf(
                "Mongo restart: %d acknowledged, %d failed (slowest %d ms), %d lost, %d listed, count %d%n",
                acknowledged.size(),
                failures.get(),
                Duration.ofNanos(slowestFailureNanos.get()).toMillis(),
                lost,
                listed.size(),
                repository.count(run, null));
        assertThat(lost).as("acknowledged writes lost").isZero();
        assertThat(listed).containsAll(acknowledged.stream().map(CodeLog::id).toList());
        assertThat(repository.count(run, null)).isEqualTo(listed.size());
    }

    private void write(MongoCodeLogRepository repository, int writer) {
        boolean sawOutage = false;
        boolean wroteAfterRestart = false;
        for (int n = 0; !stopWriters.get(); n++) {
            Phase before = phase.get();
            long start = System.nanoTime();
            try {
                acknowledged.add(repository.create(CodeLog.of(run, CODE, LogType.INFO, "writer " + writer + " #" + n)));
                warmedUp.countDown();
                if (before == Phase.RESTARTED && !wroteAfterRestart) {
                    wroteAfterRestart = true;
                    succeededAfterRestart.countDown();
                }
            } catch (CodeLogStorageException e) {
                failures.incrementAndGet();
                slowestFailureNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                if (before == Phase.DOWN && !sawOutage) {
                    sawOutage = true;
                    failedWhileDown.countDown();
                }
            } catch (RuntimeException e) {
                unexpected.add(e);
                return;
            }
        }
    }

    private static void assertFailsWithinBudget(Runnable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        CodeLogStorageException.class,
                        e -> assertThat(e.store()).isEqualTo("mongo"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAILURE_BUDGET);
    }

    private Set<String> listedIds(MongoCodeLogRepository repository) {
        Set<String> ids = new HashSet<>();
        int total = 0;
        for (int page = 1; ; page++) {
            List<CodeLog> logs = repository.listRunLogs(run, null, PageRequest.MAX_LIMIT, page);
            logs.forEach(log -> ids.add(log.id()));
            total += logs.size();
            if (logs.size() < PageRequest.MAX_LIMIT) {
                assertThat(ids).as("ids listed once each").hasSize(total);
                return ids;
            }
        }
    }
}
