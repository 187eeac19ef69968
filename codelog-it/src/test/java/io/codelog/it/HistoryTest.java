package io.codelog.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.it.HistoryStores.S3Index;
import io.codelog.it.history.Anomaly;
import io.codelog.it.history.Call;
import io.codelog.it.history.History;
import io.codelog.it.history.HistoryChecker;
import io.codelog.it.history.HistoryPlan;
import io.codelog.it.history.HistoryRecorder;
import io.codelog.it.history.Invocation;
import io.codelog.it.history.Outcome;
import io.codelog.test.S3Mock;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A recorded history of concurrent clients against every store and composite, with S3 and MongoDB faults injected
 * as it runs, and zero anomalies found by {@link HistoryChecker}. Limits and seed come from the {@code
 * codelog.history.*} system properties ({@link HistoryPlan}); each store prints its seed first, so that a failure can
 * be run again with the same choices. Prints one table line per store.
 */
@ExtendWith(TestServers.class)
class HistoryTest {

    /** A round of every fault starts each this many operations (1,500 by default), so long histories meet many. */
    private static final String FAULT_PERIOD = "codelog.history.fault-period";

    /** The faults of a round are fired this many operations apart (60 by default). */
    private static final String FAULT_SPACING = "codelog.history.fault-spacing";

    private static final int OLD_LOGS_PER_RUN = 8;
    private static final int ANOMALIES_SHOWN = 20;
    private static final List<String> TABLE = Collections.synchronizedList(new ArrayList<>());

    private static HistoryStores stores;
    private static S3TestServer s3;
    private static S3TestServer s3Mock;

    @BeforeAll
    static void servers(S3TestServer s3Server, @S3Mock S3TestServer s3MockServer) {
        s3 = s3Server;
        s3Mock = s3MockServer;
        stores = new HistoryStores();
    }

    @AfterAll
    static void printTable() {
        System.out.println(
                "History table (" + HistoryPlan.fromSystemProperties().clients() + " clients; operations"
                        + " include the final reads; acknowledged = a value or a refusal, failed = a storage error,"
                        + " indeterminate = a timeout)");
        System.out.println(String.format(
                "| %-26s | %10s | %15s | %12s | %8s | %13s | %9s | %8s |",
                "store",
                "operations",
                "faults injected",
                "acknowledged",
                "failed",
                "indeterminate",
                "anomalies",
                "seconds"));
        TABLE.forEach(System.out::println);
        stores.close();
    }

    @Test
    void mongo() throws Exception {
        check(stores.mongo());
    }

    @Test
    void s3WithPointers() throws Exception {
        check(stores.s3(s3, S3Index.POINTERS));
    }

    @Test
    void s3WithMongoIndex() throws Exception {
        check(stores.s3(s3, S3Index.MONGO));
    }

    @Test
    void s3WithoutIndex() throws Exception {
        check(stores.s3(s3, S3Index.NONE));
    }

    @Test
    void fallbackFromS3ToMongo() throws Exception {
        check(stores.fallback(s3, true));
    }

    @Test
    void fallbackFromMongoToS3() throws Exception {
        check(stores.fallback(s3, false));
    }

    @Test
    void dualWriteFromMongoToS3() throws Exception {
        check(stores.dualWrite(s3, false));
    }

    @Test
    void dualWriteFromS3ToMongo() throws Exception {
        check(stores.dualWrite(s3, true));
    }

    /** S3Mock's racing conditional writes are not atomic (see TESTING.md): each supplied id has one creator here. */
    @Test
    void s3MockWithPointers() throws Exception {
        check(stores.s3(s3Mock, S3Index.POINTERS));
    }

    @Test
    void s3MockWithMongoIndex() throws Exception {
        check(stores.s3(s3Mock, S3Index.MONGO));
    }

    @Test
    void s3MockWithoutIndex() throws Exception {
        check(stores.s3(s3Mock, S3Index.NONE));
    }

    private static void check(HistoryStore store) throws Exception {
        try (store) {
            HistoryPlan plan = HistoryPlan.fromSystemProperties().withRaceWrites(store.atomicWrites());
            System.out.printf(
                    "History of %s: seed %d (-D%s=%d), %d clients, up to %d operations in %d s%s%n",
                    store.name(),
                    plan.seed(),
                    HistoryPlan.SEED,
                    plan.seed(),
                    plan.clients(),
                    plan.operations(),
                    plan.maxDuration().toSeconds(),
                    plan.raceWrites() ? "" : ", each id written by one client");
            HistoryRecorder recorder = new HistoryRecorder(plan, store.repository());
            if (store.oldLogs() != null) {
                recorder.seed(store.oldLogs(), OLD_LOGS_PER_RUN);
            }
            FaultSchedule faults = new FaultSchedule(
                    store.proxy(),
                    store.mongo(),
                    Long.getLong(FAULT_PERIOD, 1_500),
                    Long.getLong(FAULT_SPACING, 60),
                    plan.maxDuration().dividedBy(8));
            long started = System.nanoTime();
            History history = recorder.record(faults, faults::settle);
            HistoryChecker.Report report = HistoryChecker.check(history);
            List<Anomaly> anomalies = report.anomalies();
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

            TABLE.add(String.format(
                    "| %-26s | %10d | %15d | %12d | %8d | %13d | %9d | %8d |",
                    store.name(),
                    history.size(),
                    faults.injected(),
                    history.acknowledged(),
                    history.count(Outcome.FAILED),
                    history.count(Outcome.TIMED_OUT),
                    anomalies.size(),
                    seconds));
            System.out.printf(
                    "History of %s: %d operations in %d s, faults %s; %d anomalies%n",
                    store.name(), history.size(), seconds, faults.summary(), anomalies.size());
            System.out.println("  skipped as unreadable: " + unreadable(store.unreadable()));
            System.out.println("  mean latency: " + meanLatencies(history));
            System.out.println("  errors: " + errors(history));
            System.out.println("  results each rule constrained: " + report.checked());
            anomalies.stream().limit(ANOMALIES_SHOWN).forEach(anomaly -> System.out.println("  " + anomaly));

            assertThat(anomalies)
                    .as("anomalies of %s with seed %d", store.name(), plan.seed())
                    .isEmpty();
            assertEveryRuleConstrained(report, history);
            assertThat(recorder.unexpected())
                    .as("exceptions other than the store's typed ones")
                    .isEmpty();
            assertThat(faults.firedEach())
                    .as("every fault fired: %s", faults.summary())
                    .isTrue();
            assertThat(faults.injected()).as("faults injected").isPositive();
            assertEveryKindAnswered(history);
        }
    }

    /**
     * The log objects the store skipped as unreadable after reading each twice, and how many other keys it skipped:
     * the temporary keys of uploads under way that s3proxy lists beside the logs ({@code {log_id}.json-{uuid}}).
     */
    private static String unreadable(Collection<String> keys) {
        List<String> logObjects =
                keys.stream().filter(key -> key.endsWith(".json")).distinct().toList();
        long others =
                keys.stream().filter(key -> !key.endsWith(".json")).distinct().count();
        return logObjects.size() + " log objects " + logObjects + ", " + others + " other keys";
    }

    /** Each kind of call, how often it was made and how long it took on average, e.g. {@code CREATE 412 x 35 ms}. */
    private static String meanLatencies(History history) {
        return history.invocations().stream()
                .collect(Collectors.groupingBy(
                        invocation -> invocation.call().kind(),
                        TreeMap::new,
                        Collectors.summarizingLong(invocation -> invocation.end() - invocation.start())))
                .entrySet()
                .stream()
                .map(kind -> kind.getKey() + " " + kind.getValue().getCount() + " x "
                        + Duration.ofNanos((long) kind.getValue().getAverage()).toMillis() + " ms")
                .collect(Collectors.joining(", "));
    }

    /** How often each exception was thrown, most frequent first. */
    private static String errors(History history) {
        return history.invocations().stream()
                .filter(invocation -> invocation.error() != null)
                .collect(Collectors.groupingBy(Invocation::error, Collectors.counting()))
                .entrySet()
                .stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(error -> error.getKey() + " x" + error.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The history did exercise the store: every kind of call got an answer, a value or a refusal. */
    private static void assertEveryKindAnswered(History history) {
        for (Call.Kind kind : Call.Kind.values()) {
            assertThat(history.invocations().stream()
                            .filter(invocation -> invocation.call().kind() == kind)
                            .anyMatch(invocation -> invocation.outcome().acknowledged()))
                    .as("a %s that the store answered", kind)
                    .isTrue();
        }
    }

    /**
     * The checker was put to the test: every rule constrained some result. A read after a delete needs a delete, a
     * create of the same id and a read of it, which a short history (S3Mock's, each id written by one client) may lack.
     */
    private static void assertEveryRuleConstrained(HistoryChecker.Report report, History history) {
        report.checked().forEach((rule, checked) -> {
            if (rule != Anomaly.Rule.READ_AFTER_DELETE || history.size() >= 2_000) {
                assertThat(checked).as("results %s constrained", rule).isPositive();
            }
        });
    }
}
