package io.codelog.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.it.FaultProxy.Fault;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The S3 store behind a proxy that injects real faults on real connections: every create either succeeds
 * after the SDK's retries or fails with a storage exception within the client's budget, and afterwards every
 * acknowledged log reads back identical and the run's listing and count agree. Prints one table line per fault.
 */
@ExtendWith(TestServers.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class S3FaultToleranceTest {

    private static final ClientBudget BUDGET = ClientBudget.SHORT;
    // A create is two S3 calls at once (the log, its id index pointer), then at most one to undo the other; each
    // is bounded by the call timeout.
    private static final Duration CREATE_BUDGET =
            BUDGET.callTimeout().multipliedBy(2).plusSeconds(2);
    private static final Duration CUT_PERIOD = Duration.ofMillis(1_500);
    private static final List<String> TABLE = Collections.synchronizedList(new ArrayList<>());

    private static ProxiedS3 proxied;

    @BeforeAll
    static void startProxy(S3TestServer s3) throws IOException {
        proxied = ProxiedS3.start(s3, "codelog-faults");
    }

    @AfterAll
    static void printTable() throws IOException {
        System.out.println("S3 fault table (client: attempt "
                + BUDGET.attemptTimeout().toMillis() + " ms, call "
                + BUDGET.callTimeout().toMillis() + " ms, " + BUDGET.maxAttempts() + " attempts, standard retries)");
        System.out.println(FaultScenario.tableHeader());
        TABLE.forEach(System.out::println);
        proxied.close();
    }

    // A create sends its two PUTs at once, so a fault is aimed at one of them: at the log's by default.
    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("503 SlowDown x2 per create", Fault.SLOW_DOWN_503, CreatePut.LOG, 2, 3, true),
                Arguments.of("503 SlowDown x3 per create", Fault.SLOW_DOWN_503, CreatePut.LOG, 3, 2, false),
                Arguments.of("500 InternalError x2 per create", Fault.INTERNAL_ERROR_500, CreatePut.LOG, 2, 3, true),
                Arguments.of(
                        "500 InternalError x3 on the pointer PUT",
                        Fault.INTERNAL_ERROR_500,
                        CreatePut.POINTER,
                        3,
                        2,
                        false),
                Arguments.of("TCP reset x2 per create", Fault.RESET, CreatePut.LOG, 2, 3, true),
                Arguments.of("TCP reset x3 per create", Fault.RESET, CreatePut.LOG, 3, 2, false),
                Arguments.of("stall past attempt timeout x1 per create", Fault.STALL, CreatePut.LOG, 1, 2, true),
                Arguments.of("stall past attempt timeout x3 per create", Fault.STALL, CreatePut.LOG, 3, 1, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void createSurvivesOrFailsTypedAndLosesNothing(
            String name, Fault fault, CreatePut target, int count, int creates, boolean withinRetries) {
        try (S3Connection faulty = proxied.connect(BUDGET);
                S3CodeLogRepository repository = repository(faulty)) {
            FaultScenario scenario = new FaultScenario(name, repository, CREATE_BUDGET);
            long injectedBefore = proxied.proxy().injected();
            for (int i = 0; i < creates; i++) {
                proxied.proxy().inject(fault, target.requestLine(), count);
                scenario.create();
            }
            proxied.proxy().passThrough();
            long injected = proxied.proxy().injected() - injectedBefore;

            int lost = scenario.verifyAndCountLost();

            TABLE.add(scenario.tableLine(injected, lost));
            assertThat(injected).as("faults injected").isEqualTo((long) creates * count);
            assertThat(lost).as("acknowledged logs lost").isZero();
            if (withinRetries) {
                assertThat(scenario.acknowledgedCount())
                        .as("creates that retried past the fault")
                        .isEqualTo(creates);
            } else {
                assertThat(scenario.failedCount())
                        .as("creates failed by the fault")
                        .isPositive();
            }
        }
    }

    @Test
    void connectionsRefusedForAPeriodThenRestored() throws Exception {
        int writers = 4;
        int successesEach = 3;
        // Refused connections fail fast (and drain the SDK's retry quota), so a writer may fail any number of
        // creates during the cut: it keeps going until it has its successes, bounded by time, not by a count.
        long giveUpAt = System.nanoTime() + CUT_PERIOD.plusSeconds(60).toNanos();
        ScheduledExecutorService restorer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try (S3Connection faulty = proxied.connect(BUDGET);
                S3CodeLogRepository repository = repository(faulty)) {
            FaultScenario scenario = new FaultScenario(
                    "connections refused for " + CUT_PERIOD.toMillis() + " ms", repository, CREATE_BUDGET);
            proxied.proxy().cut();
            // The sleep here is the fault itself: how long the endpoint refuses connections.
            ScheduledFuture<?> restored = restorer.schedule(
                    () -> {
                        proxied.proxy().restore();
                        return null;
                    },
                    CUT_PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    int successes = 0;
                    while (successes < successesEach && System.nanoTime() < giveUpAt) {
                        successes += scenario.create() ? 1 : 0;
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
            restored.get(10, TimeUnit.SECONDS);

            int lost = scenario.verifyAndCountLost();

            TABLE.add(scenario.tableLine(1, lost));
            assertThat(lost).as("acknowledged logs lost").isZero();
            assertThat(scenario.failedCount())
                    .as("creates refused during the cut")
                    .isPositive();
            assertThat(scenario.acknowledgedCount())
                    .as("creates after the restore")
                    .isEqualTo(writers * successesEach);
        } finally {
            pool.shutdownNow();
            restorer.shutdownNow();
        }
    }

    private static S3CodeLogRepository repository(S3Connection connection) {
        return new S3CodeLogRepository(
                connection.client(),
                S3CodeLogSettings.builder(proxied.bucket())
                        .prefix(S3Connection.newPrefix("faults"))
                        .build());
    }
}
