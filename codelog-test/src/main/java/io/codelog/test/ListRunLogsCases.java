package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogOrder;
import io.codelog.core.InvalidCodeLogException;
import io.codelog.core.LogType;
import io.codelog.core.PageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link io.codelog.core.CodeLogRepository#listRunLogs} promises: order, pages and filters. */
abstract class ListRunLogsCases extends ContractCases {

    ListRunLogsCases(ContractFixture fixture) {
        super(fixture);
    }

    /** Seven logs of the run: some sharing an instant, some created after the clock moved on. */
    private List<CodeLog> sevenLogsInCreationOrder() {
        List<CodeLog> logs = new ArrayList<>();
        logs.add(create(run(), "0"));
        logs.add(create(run(), "1"));
        clock().advance(Duration.ofMillis(1));
        logs.add(create(run(), "2"));
        clock().advance(Duration.ofSeconds(1));
        logs.add(create(run(), "3"));
        logs.add(create(run(), "4"));
        logs.add(create(run(), "5"));
        clock().advance(Duration.ofMinutes(3));
        logs.add(create(run(), "6"));
        return logs;
    }

    @Test
    @DisplayName("lists oldest first, logs of one instant in the order of their generated ids")
    void oldestFirst() {
        List<CodeLog> created = sevenLogsInCreationOrder();

        List<CodeLog> listed = repository().listRunLogs(run(), null, 100, 1);

        assertThat(listed).containsExactlyElementsOf(created);
        assertThat(listed).isSortedAccordingTo(CodeLogOrder.OLDEST_FIRST);
    }

    @Test
    @DisplayName("splits into first, middle and last partial pages, and a page past the last is empty")
    void pages() {
        List<CodeLog> created = sevenLogsInCreationOrder();

        assertThat(repository().listRunLogs(run(), null, 3, 1)).containsExactlyElementsOf(created.subList(0, 3));
        assertThat(repository().listRunLogs(run(), null, 3, 2)).containsExactlyElementsOf(created.subList(3, 6));
        assertThat(repository().listRunLogs(run(), null, 3, 3)).containsExactlyElementsOf(created.subList(6, 7));
        assertThat(repository().listRunLogs(run(), null, 3, 4)).isEmpty();
        assertThat(repository().listRunLogs(run(), null, 3, 1_000)).isEmpty();
    }

    @Test
    @DisplayName("with limit 1 walks every log exactly once, in order")
    void limitOneWalksAll() {
        List<CodeLog> created = sevenLogsInCreationOrder();
        List<CodeLog> walked = new ArrayList<>();

        for (int page = 1; page <= created.size() + 1; page++) {
            walked.addAll(repository().listRunLogs(run(), null, 1, page));
        }

        assertThat(walked).containsExactlyElementsOf(created);
    }

    @Test
    @DisplayName("accepts limit MAX_LIMIT and fills a whole page of it")
    void maxLimitPage() {
        List<CodeLog> created = new ArrayList<>();
        for (int i = 0; i <= PageRequest.MAX_LIMIT; i++) {
            if (i % 100 == 0) {
                clock().advance(Duration.ofSeconds(1));
            }
            created.add(create(run(), "log " + i));
        }

        List<CodeLog> first = repository().listRunLogs(run(), null, PageRequest.MAX_LIMIT, 1);
        List<CodeLog> second = repository().listRunLogs(run(), null, PageRequest.MAX_LIMIT, 2);

        assertThat(first).containsExactlyElementsOf(created.subList(0, PageRequest.MAX_LIMIT));
        assertThat(second).containsExactly(created.get(PageRequest.MAX_LIMIT));
    }

    @Test
    @DisplayName("filters by run alone, code alone, or both, never showing other runs or codes")
    void filters() {
        CodeLog runCode = create(run(), CODE, "run/code");
        CodeLog runOtherCode = create(run(), OTHER_CODE, "run/other code");
        CodeLog otherRunCode = create(otherRun(), CODE, "other run/code");
        CodeLog otherRunOtherCode = create(otherRun(), OTHER_CODE, "other run/other code");
        CodeLog uuidRunCode = create(UUID_RUN, CODE, "uuid run/code");

        assertThat(repository().listRunLogs(run(), null, 100, 1)).containsExactly(runCode, runOtherCode);
        assertThat(repository().listRunLogs(null, CODE, 100, 1)).containsExactly(runCode, otherRunCode, uuidRunCode);
        assertThat(repository().listRunLogs(run(), CODE, 100, 1)).containsExactly(runCode);
        assertThat(repository().listRunLogs(otherRun(), OTHER_CODE, 100, 1)).containsExactly(otherRunOtherCode);
        assertThat(repository().listRunLogs(UUID_RUN, null, 100, 1)).containsExactly(uuidRunCode);
        assertThat(repository().listRunLogs(UUID_RUN, OTHER_CODE, 100, 1)).isEmpty();
    }

    @Test
    @DisplayName("is empty for a run with no logs")
    void emptyForUnknownRun() {
        create(run(), "x");

        assertThat(repository().listRunLogs(otherRun(), null, 10, 1)).isEmpty();
        assertThat(repository().listRunLogs(null, OTHER_CODE, 10, 1)).isEmpty();
    }

    @Test
    @DisplayName("lists logs with supplied ObjectIds and UUIDs, each once with its content")
    void suppliedIdsAreListed() {
        // ObjectIds dated at the log's creation and a year before it (an id minted elsewhere, long ago).
        Set<String> ids = Set.of(
                objectIdAt(t0()),
                "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "ff1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                objectIdAt(t0().minus(Duration.ofDays(365))));
        for (String id : ids) {
            repository()
                    .create(CodeLog.of(run(), CODE, LogType.INFO, "content of " + id)
                            .withId(id));
            clock().advance(Duration.ofMillis(7));
        }

        List<CodeLog> listed = repository().listRunLogs(run(), null, 100, 1);

        assertThat(listed).extracting(CodeLog::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(listed).allSatisfy(log -> assertThat(log.content()).isEqualTo("content of " + log.id()));
    }

    @Test
    @DisplayName("lists and counts a run whose logs span five UTC days, longer than a run usually lasts, in order")
    void runAcrossDays() {
        // 100 hours from the start: five UTC days, past the two days a run is expected to last.
        List<CodeLog> created = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            created.add(create(run(), "day log " + i));
            clock().advance(Duration.ofHours(20));
        }

        assertThat(repository().listRunLogs(run(), null, 100, 1)).containsExactlyElementsOf(created);
        assertThat(repository().listRunLogs(run(), null, 4, 2)).containsExactlyElementsOf(created.subList(4, 6));
        assertThat(repository().count(run(), null)).isEqualTo(created.size());
        assertThat(repository().count(run(), CODE)).isEqualTo(created.size());
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE, PageRequest.MAX_LIMIT + 1, Integer.MAX_VALUE})
    @DisplayName("refuses a limit outside 1 to MAX_LIMIT, naming limit")
    void refusesLimit(int limit) {
        assertInvalid("limit", () -> repository().listRunLogs(run(), null, limit, 1));
    }

    @ParameterizedTest(name = "page {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    @DisplayName("refuses a page below 1, naming page")
    void refusesPage(int page) {
        assertInvalid("page", () -> repository().listRunLogs(run(), null, 10, page));
    }

    @Test
    @DisplayName("refuses a listing with neither run nor code")
    void refusesNoFilter() {
        InvalidCodeLogException e = catchThrowableOfType(
                InvalidCodeLogException.class, () -> repository().listRunLogs(null, null, 10, 1));

        assertThat(e).isNotNull();
        assertThat(e.field()).isIn("run_id", "code_id");
    }
}
