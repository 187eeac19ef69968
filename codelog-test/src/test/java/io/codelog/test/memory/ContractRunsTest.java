package io.codelog.test.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * How the contract runs as JUnit sees it: a subclass, declaring nothing but its store, runs every group once
 * per start instant, names each run by its instant, and a failure says which instant it failed at. Only the
 * findById group runs here, to keep this quick.
 */
@DisplayName("The contract, run through the JUnit launcher")
class ContractRunsTest {

    private static final List<String> RUNS = List.of(
            "clock from 2025-03-14T09:26:53.589Z (the middle of a day)",
            "clock from 2025-03-14T23:59:59.999Z (the last millisecond of a day)",
            "clock from 2025-03-15T00:00:00Z (the first instant of a day)",
            "clock from 2025-04-30T23:59:59Z (the last second of a month)",
            "clock from 2025-12-31T23:59:59Z (the last second of a year)");
    private static final int FIND_BY_ID_TESTS = 4;

    @Test
    @DisplayName("runs a subclass's groups once per start instant, each run named by its instant")
    void oncePerStartInstant() {
        Map<String, List<TestExecutionResult>> results = runFindByIdGroup(InMemoryContractProbe.class);

        assertThat(results.keySet()).containsExactlyElementsOf(RUNS);
        assertThat(results.values())
                .allSatisfy(run -> assertThat(run)
                        .hasSize(FIND_BY_ID_TESTS)
                        .allSatisfy(result ->
                                assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL)));
    }

    @Test
    @DisplayName("fails a broken store at every instant, and each failure names its instant")
    void failuresNameTheirInstant() {
        Map<String, List<TestExecutionResult>> results = runFindByIdGroup(ForgetfulStoreProbe.class);

        assertThat(results.keySet()).containsExactlyElementsOf(RUNS);
        results.forEach((run, outcomes) -> {
            String instant = run.substring("clock from ".length(), run.indexOf(' ', "clock from ".length()));
            List<Throwable> failures = outcomes.stream()
                    .map(TestExecutionResult::getThrowable)
                    .flatMap(Optional::stream)
                    .toList();
            assertThat(failures)
                    .as(run)
                    .isNotEmpty()
                    .allSatisfy(failure -> assertThat(failure.getSuppressed())
                            .extracting(Throwable::getMessage)
                            .containsExactly("the contract ran with the clock starting at " + instant));
        });
    }

    /** The results of the findById group's tests, by the display name of the run of the contract they were in. */
    private static Map<String, List<TestExecutionResult>> runFindByIdGroup(Class<?> contract) {
        Recorder recorder = new Recorder();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(contract))
                                .filters(onlyGroup("FindById"))
                                .build(),
                        recorder);
        return recorder.results;
    }

    private static PostDiscoveryFilter onlyGroup(String nestedClass) {
        return descriptor -> FilterResult.includedIf(descriptor.getUniqueId().getSegments().stream()
                .anyMatch(segment -> segment.getType().equals("nested-class")
                        && segment.getValue().equals(nestedClass)));
    }

    /** Collects each test's result under the display name of the contract run it belongs to. */
    private static final class Recorder implements TestExecutionListener {

        private final Map<String, List<TestExecutionResult>> results = new LinkedHashMap<>();
        private TestPlan plan;

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                results.computeIfAbsent(run(test), run -> new ArrayList<>()).add(result);
            }
        }

        private String run(TestIdentifier test) {
            for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent(); at = plan.getParent(at.get())) {
                UniqueId id = at.get().getUniqueIdObject();
                if (id.getLastSegment().getType().equals("class-template-invocation")) {
                    return at.get().getDisplayName();
                }
            }
            return "no run of the contract";
        }
    }
}
