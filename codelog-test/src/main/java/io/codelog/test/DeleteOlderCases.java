package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link io.codelog.core.CodeLogRepository#deleteOlder} promises, across day, month and year boundaries. */
abstract class DeleteOlderCases extends ContractCases {

    DeleteOlderCases(ContractFixture fixture) {
        super(fixture);
    }

    private CodeLog createAt(Instant instant, String run) {
        clock().set(instant);
        return create(run, instant.toString());
    }

    @Test
    @DisplayName("deletes only logs created before the cutoff; a log exactly at the cutoff stays")
    void strictlyBefore() {
        // The second after the start: from the end of a day, month or year, the first of the next one.
        Instant cutoff = t0().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        CodeLog before = createAt(cutoff.minusMillis(1), run());
        CodeLog at = createAt(cutoff, run());
        CodeLog after = createAt(cutoff.plusMillis(1), run());

        long deleted = repository().deleteOlder(cutoff, 100);

        assertThat(deleted).isEqualTo(1);
        assertThat(repository().findById(before.id())).isEmpty();
        assertThat(repository().listRunLogs(run(), null, 10, 1)).containsExactly(at, after);
    }

    @Test
    @DisplayName("cuts exactly across day, month and year boundaries")
    void acrossBoundaries() {
        Instant day = nextDay(t0());
        Instant month = nextMonth(day);
        Instant year = nextYear(month);
        CodeLog lastOfDay = createAt(day.minusMillis(1), run());
        CodeLog firstOfDay = createAt(day, run());
        Instant hourBeforeMonth = month.minus(Duration.ofHours(1));
        CodeLog endOfMonth = createAt(hourBeforeMonth, runStartingBefore(hourBeforeMonth));
        CodeLog startOfMonth = createAt(month.plus(Duration.ofHours(1)), UUID_RUN);
        String yearRun = runStartingBefore(year);
        CodeLog firstOfYear = createAt(year, yearRun);
        CodeLog[] all = {lastOfDay, firstOfDay, endOfMonth, startOfMonth, firstOfYear};

        assertThat(repository().deleteOlder(day, 100)).isEqualTo(1);
        assertThat(remainingIds(all))
                .containsExactly(firstOfDay.id(), endOfMonth.id(), startOfMonth.id(), firstOfYear.id());

        assertThat(repository().deleteOlder(month, 100)).isEqualTo(2);
        assertThat(remainingIds(all)).containsExactly(startOfMonth.id(), firstOfYear.id());

        assertThat(repository().deleteOlder(year, 100)).isEqualTo(1);
        assertThat(remainingIds(all)).containsExactly(firstOfYear.id());
        assertThat(repository().listRunLogs(yearRun, null, 10, 1)).containsExactly(firstOfYear);
        assertThat(repository().listRunLogs(run(), null, 10, 1)).isEmpty();
    }

    @Test
    @DisplayName("deletes exactly limit logs when more are eligible, and the next call deletes the rest")
    void limit() {
        List<CodeLog> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            old.add(create(i % 2 == 0 ? run() : otherRun(), "old " + i));
            clock().advance(Duration.ofHours(7));
        }
        Instant cutoff = clock().instant();
        CodeLog recent = create(run(), "recent");

        assertThat(repository().deleteOlder(cutoff, 2)).isEqualTo(2);
        assertThat(repository().count(run(), null) + repository().count(otherRun(), null))
                .isEqualTo(4);
        assertThat(repository().deleteOlder(cutoff, 100)).isEqualTo(3);
        assertThat(old)
                .allSatisfy(log -> assertThat(repository().findById(log.id())).isEmpty());
        assertThat(repository().findById(recent.id())).contains(recent);
        assertThat(repository().deleteOlder(cutoff, 100)).isZero();
    }

    @Test
    @DisplayName("returns 0 on an empty store")
    void emptyStore() {
        assertThat(repository().deleteOlder(nextYear(t0()), 100)).isZero();
    }

    @Test
    @DisplayName("returns 0 and keeps everything when no log is older than the cutoff")
    void nothingOlder() {
        CodeLog log = create(run(), "x");

        assertThat(repository().deleteOlder(t0(), 100)).isZero();
        assertThat(repository().findById(log.id())).contains(log);
    }

    @Test
    @DisplayName("deletes logs spread over more than 400 days of history, in every run")
    void wholeHistory() {
        // The history begins at the start; each ObjectId run began just before its log.
        int[] daysAgo = {450, 401, 365, 200, 31, 1};
        Instant now = t0().plus(Duration.ofDays(daysAgo[0]));
        List<CodeLog> old = new ArrayList<>();
        List<String> oldRuns = new ArrayList<>();
        for (int i = 0; i < daysAgo.length; i++) {
            Instant at = now.minus(Duration.ofDays(daysAgo[i]));
            String logRun = i % 2 == 0 ? runStartingBefore(at) : UUID_RUN;
            clock().set(at);
            old.add(create(logRun, "aged " + daysAgo[i] + " days"));
            oldRuns.add(logRun);
        }
        clock().set(now);
        String currentRun = runStartingBefore(now);
        CodeLog current = create(currentRun, "now");

        assertThat(repository().deleteOlder(now, 1_000)).isEqualTo(daysAgo.length);
        assertThat(old)
                .allSatisfy(log -> assertThat(repository().findById(log.id())).isEmpty());
        assertThat(oldRuns)
                .allSatisfy(
                        oldRun -> assertThat(repository().count(oldRun, null)).isZero());
        assertThat(repository().listRunLogs(currentRun, null, 100, 1)).containsExactly(current);
    }

    @Test
    @DisplayName("refuses a null cutoff, naming cutoff, and deletes nothing")
    void refusesNullCutoff() {
        create(run(), "x");

        assertInvalid("cutoff", () -> repository().deleteOlder(null, 10));
        assertThat(repository().count(run(), null)).isEqualTo(1);
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    @DisplayName("refuses a limit below 1, naming limit, and deletes nothing")
    void refusesLimit(long limit) {
        create(run(), "x");

        assertInvalid("limit", () -> repository().deleteOlder(nextYear(t0()), limit));
        assertThat(repository().count(run(), null)).isEqualTo(1);
    }

    private List<String> remainingIds(CodeLog... logs) {
        List<String> remaining = new ArrayList<>();
        for (CodeLog log : logs) {
            repository().findById(log.id()).ifPresent(found -> remaining.add(found.id()));
        }
        return remaining;
    }
}
