package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import java.time.Duration;
import java.time.Instant;
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

    private CodeLog createAt(String instant, String run) {
        clock().set(Instant.parse(instant));
        return create(run, instant);
    }

    @Test
    @DisplayName("deletes only logs created before the cutoff; a log exactly at the cutoff stays")
    void strictlyBefore() {
        CodeLog before = createAt("2025-03-14T09:59:59.999Z", RUN);
        CodeLog at = createAt("2025-03-14T10:00:00Z", RUN);
        CodeLog after = createAt("2025-03-14T10:00:00.001Z", RUN);

        long deleted = repository().deleteOlder(Instant.parse("2025-03-14T10:00:00Z"), 100);

        assertThat(deleted).isEqualTo(1);
        assertThat(repository().findById(before.id())).isEmpty();
        assertThat(repository().listRunLogs(RUN, null, 10, 1)).containsExactly(at, after);
    }

    @Test
    @DisplayName("cuts exactly across year, month and day boundaries")
    void acrossBoundaries() {
        CodeLog lastOf2024 = createAt("2024-12-31T23:59:59.999Z", RUN);
        CodeLog firstOf2025 = createAt("2025-01-01T00:00:00Z", OTHER_RUN);
        CodeLog endOfJanuary = createAt("2025-01-31T23:00:00Z", RUN);
        CodeLog february = createAt("2025-02-01T01:00:00Z", UUID_RUN);
        CodeLog march = createAt("2025-03-01T00:00:00Z", RUN);

        assertThat(repository().deleteOlder(Instant.parse("2025-01-01T00:00:00Z"), 100))
                .isEqualTo(1);
        assertThat(remainingIds(lastOf2024, firstOf2025, endOfJanuary, february, march))
                .containsExactly(firstOf2025.id(), endOfJanuary.id(), february.id(), march.id());

        assertThat(repository().deleteOlder(Instant.parse("2025-02-01T00:00:00Z"), 100))
                .isEqualTo(2);
        assertThat(remainingIds(lastOf2024, firstOf2025, endOfJanuary, february, march))
                .containsExactly(february.id(), march.id());

        assertThat(repository().deleteOlder(Instant.parse("2025-03-01T00:00:00Z"), 100))
                .isEqualTo(1);
        assertThat(remainingIds(lastOf2024, firstOf2025, endOfJanuary, february, march))
                .containsExactly(march.id());
        assertThat(repository().listRunLogs(RUN, null, 10, 1)).containsExactly(march);
    }

    @Test
    @DisplayName("deletes exactly limit logs when more are eligible, and the next call deletes the rest")
    void limit() {
        List<CodeLog> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            old.add(create(i % 2 == 0 ? RUN : OTHER_RUN, "old " + i));
            clock().advance(Duration.ofHours(7));
        }
        Instant cutoff = clock().instant();
        CodeLog recent = create(RUN, "recent");

        assertThat(repository().deleteOlder(cutoff, 2)).isEqualTo(2);
        assertThat(repository().count(RUN, null) + repository().count(OTHER_RUN, null))
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
        assertThat(repository().deleteOlder(Instant.parse("2030-01-01T00:00:00Z"), 100))
                .isZero();
    }

    @Test
    @DisplayName("returns 0 and keeps everything when no log is older than the cutoff")
    void nothingOlder() {
        CodeLog log = create(RUN, "x");

        assertThat(repository().deleteOlder(T0, 100)).isZero();
        assertThat(repository().findById(log.id())).contains(log);
    }

    @Test
    @DisplayName("deletes logs spread over more than 400 days of history, in every run")
    void wholeHistory() {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        List<CodeLog> old = new ArrayList<>();
        int[] daysAgo = {450, 401, 365, 200, 31, 1};
        for (int i = 0; i < daysAgo.length; i++) {
            clock().set(now.minus(Duration.ofDays(daysAgo[i])));
            old.add(create(i % 2 == 0 ? RUN : UUID_RUN, "aged " + daysAgo[i] + " days"));
        }
        clock().set(now);
        CodeLog current = create(RUN, "now");

        assertThat(repository().deleteOlder(now, 1_000)).isEqualTo(daysAgo.length);
        assertThat(old)
                .allSatisfy(log -> assertThat(repository().findById(log.id())).isEmpty());
        assertThat(repository().listRunLogs(RUN, null, 100, 1)).containsExactly(current);
        assertThat(repository().count(UUID_RUN, null)).isZero();
    }

    @Test
    @DisplayName("refuses a null cutoff, naming cutoff, and deletes nothing")
    void refusesNullCutoff() {
        create(RUN, "x");

        assertInvalid("cutoff", () -> repository().deleteOlder(null, 10));
        assertThat(repository().count(RUN, null)).isEqualTo(1);
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    @DisplayName("refuses a limit below 1, naming limit, and deletes nothing")
    void refusesLimit(long limit) {
        create(RUN, "x");

        assertInvalid("limit", () -> repository().deleteOlder(Instant.parse("2030-01-01T00:00:00Z"), limit));
        assertThat(repository().count(RUN, null)).isEqualTo(1);
    }

    private List<String> remainingIds(CodeLog... logs) {
        List<String> remaining = new ArrayList<>();
        for (CodeLog log : logs) {
            repository().findById(log.id()).ifPresent(found -> remaining.add(found.id()));
        }
        return remaining;
    }
}
