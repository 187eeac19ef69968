package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogAlreadyExistsException;
import io.codelog.core.CodeLogNotFoundException;
import io.codelog.core.LogType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What {@link io.codelog.core.CodeLogRepository#create} and {@link io.codelog.core.CodeLogRepository#update} never
 * do: write over a log that exists, or bring back a log that was deleted, alone or racing each other.
 */
abstract class ExclusiveWriteCases extends ContractCases {

    private static final int RACERS = 8;

    ExclusiveWriteCases(ContractFixture fixture) {
        super(fixture);
    }

    /** A supplied id, dated when the test's clock starts, as a writer that names its own ids dates them. */
    private String id() {
        return objectIdAt(clock().instant());
    }

    private CodeLog createWithId(String id, String runId, String codeId, String content) {
        return repository()
                .create(CodeLog.of(runId, codeId, LogType.INFO, content).withId(id));
    }

    @Test
    @DisplayName("create refuses an id that is taken, and the first log stays as it was")
    void createRefusesATakenId() {
        String id = id();
        CodeLog first = createWithId(id, run(), CODE, "first");

        assertThatThrownBy(() -> createWithId(id, run(), CODE, "second"))
                .isInstanceOf(CodeLogAlreadyExistsException.class)
                .satisfies(e ->
                        assertThat(((CodeLogAlreadyExistsException) e).id()).isEqualTo(id))
                .hasMessageNotContaining("second");
        assertThat(repository().findById(id)).contains(first);
        assertThat(repository().count(run(), null)).isEqualTo(1);
        assertThat(repository().listRunLogs(run(), null, 10, 1)).containsExactly(first);
    }

    @Test
    @DisplayName("create refuses an id that is taken by a log of another run and code, and adds nothing")
    void createRefusesAnIdTakenInAnotherRun() {
        String id = id();
        CodeLog first = createWithId(id, run(), CODE, "first");

        assertThatThrownBy(() -> createWithId(id, otherRun(), OTHER_CODE, "second"))
                .isInstanceOf(CodeLogAlreadyExistsException.class);
        assertThat(repository().findById(id)).contains(first);
        assertThat(repository().count(otherRun(), null)).isZero();
        assertThat(repository().listRunLogs(otherRun(), null, 10, 1)).isEmpty();
    }

    @Test
    @DisplayName("an id is free again once its log is deleted")
    void anIdIsFreeAgainAfterDelete() {
        String id = id();
        createWithId(id, run(), CODE, "first");
        assertThat(repository().delete(id)).isTrue();

        CodeLog again = createWithId(id, run(), CODE, "again");

        assertThat(repository().findById(id)).contains(again);
        assertThat(repository().count(run(), null)).isEqualTo(1);
    }

    @Test
    @DisplayName("update of a deleted log throws and brings nothing back")
    void updateNeverResurrects() {
        CodeLog created = create(run(), "to delete");
        assertThat(repository().delete(created.id())).isTrue();

        assertThatThrownBy(() -> repository().update(created.id(), "back?"))
                .isInstanceOf(CodeLogNotFoundException.class);
        assertThat(repository().findById(created.id())).isEmpty();
        assertThat(repository().count(run(), null)).isZero();
        assertThat(repository().listRunLogs(run(), null, 10, 1)).isEmpty();
    }

    @Test
    @DisplayName("of " + RACERS + " creates of one id at the same moment, exactly one succeeds")
    void racingCreatesOfOneId() throws Exception {
        assumeRacesAreDecidedAtomically();
        String id = id();
        List<Object> outcomes = race(racer -> createWithId(id, run(), CODE, "racer " + racer));

        List<CodeLog> created = outcomes.stream()
                .filter(CodeLog.class::isInstance)
                .map(CodeLog.class::cast)
                .toList();
        assertThat(created).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> !(o instanceof CodeLog))
                .allSatisfy(refusal -> assertThat(refusal).isInstanceOf(CodeLogAlreadyExistsException.class));
        assertThat(repository().findById(id)).contains(created.get(0));
        assertThat(repository().count(run(), null)).isEqualTo(1);
    }

    @Test
    @DisplayName("of " + RACERS + " updates of one log at the same moment, each is whole and one of them stays")
    void racingUpdatesOfOneLog() throws Exception {
        assumeRacesAreDecidedAtomically();
        CodeLog created = create(run(), "before");
        Set<String> contents = new HashSet<>();
        for (int racer = 0; racer < RACERS; racer++) {
            contents.add(content(racer));
        }

        List<Object> outcomes = race(racer -> repository().update(created.id(), content(racer)));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(CodeLog.class));
        CodeLog stored = repository().findById(created.id()).orElseThrow();
        assertThat(contents).contains(stored.content());
        assertThat(stored.createdAt()).isEqualTo(created.createdAt());
        assertThat(repository().count(run(), null)).isEqualTo(1);
    }

    private void assumeRacesAreDecidedAtomically() {
        assumeTrue(
                fixture().atomicConditionalWrites(),
                "the server does not apply concurrent conditional writes atomically, so a race of writes to one"
                        + " id cannot be decided there");
    }

    /** A content that would show a mixture: the racer's number repeated across the whole text. */
    private static String content(int racer) {
        return ("racer " + racer + " ").repeat(200);
    }

    /** Runs the call for each racer at the same moment; each result is the value returned or the exception. */
    private List<Object> race(RacerCall call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        try {
            CyclicBarrier start = new CyclicBarrier(RACERS);
            List<Future<Object>> runs = new ArrayList<>();
            for (int racer = 0; racer < RACERS; racer++) {
                int number = racer;
                runs.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        return call.run(number);
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> run : runs) {
                outcomes.add(run.get(2, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface RacerCall {
        Object run(int racer);
    }
}
