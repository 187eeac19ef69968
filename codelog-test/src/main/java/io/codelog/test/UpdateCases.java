package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogNotFoundException;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.ContentPolicy;
import io.codelog.core.ContentRules;
import io.codelog.core.LogType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What {@link io.codelog.core.CodeLogRepository#update} promises, also after the clock moved to another day. */
abstract class UpdateCases extends ContractCases {

    UpdateCases(ContractFixture fixture) {
        super(fixture);
    }

    @Test
    @DisplayName("replaces the content and advances updatedAt, keeping id, run, code, type and createdAt")
    void replacesContent() {
        CodeLog created = repository().create(CodeLog.of(run(), CODE, LogType.ERROR, "before"));
        Instant later = clock().advance(Duration.ofSeconds(90));

        CodeLog updated = repository().update(created.id(), "after");

        assertThat(updated).isEqualTo(new CodeLog(created.id(), run(), CODE, LogType.ERROR, "after", t0(), later));
        assertThat(repository().findById(created.id())).contains(updated);
    }

    @Test
    @DisplayName("accepts the id in upper case")
    void acceptsUpperCaseId() {
        CodeLog created = create(run(), "before");

        CodeLog updated = repository().update(created.id().toUpperCase(Locale.ROOT), "after");

        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(repository().findById(created.id()).orElseThrow().content()).isEqualTo("after");
    }

    @Test
    @DisplayName("keeps content exactly, including emoji and JSON-hostile characters")
    void keepsContentExactly() {
        CodeLog created = create(run(), "before");
        String content = "\"quoted\" \\ </script> " + ContractSamples.EMOJI + "\nnext\tline";

        repository().update(created.id(), content);

        assertThat(repository().findById(created.id()).orElseThrow().content()).isEqualTo(content);
    }

    @Test
    @DisplayName("truncates content over the maximum without splitting a surrogate pair")
    void truncates() {
        CodeLog created = create(run(), "before");

        CodeLog updated = repository().update(created.id(), "a".repeat(MAX - 1) + ContractSamples.EMOJI);

        assertThat(updated.content()).isEqualTo("a".repeat(MAX - 1));
        assertThat(repository().findById(created.id()).orElseThrow().content()).isEqualTo("a".repeat(MAX - 1));
    }

    @Test
    @DisplayName("under REJECT, refuses content over the maximum naming content, and keeps the old content")
    void rejects() {
        CodeLogRepository rejecting = repositoryWith(new ContentRules(MAX, ContentPolicy.REJECT));
        CodeLog created = rejecting.create(CodeLog.of(run(), CODE, LogType.INFO, "before"));

        assertInvalid("content", () -> rejecting.update(created.id(), "c".repeat(MAX + 1)));
        assertThat(rejecting.findById(created.id())).contains(created);
    }

    @Test
    @DisplayName("refuses null content, naming content, and keeps the old content")
    void refusesNullContent() {
        CodeLog created = create(run(), "before");

        assertInvalid("content", () -> repository().update(created.id(), null));
        assertThat(repository().findById(created.id())).contains(created);
    }

    @Test
    @DisplayName("throws CodeLogNotFoundException for an unknown ObjectId or UUID, creating nothing")
    void unknownId() {
        assertThatThrownBy(() -> repository().update(unknownObjectId(), "x"))
                .isInstanceOf(CodeLogNotFoundException.class);
        assertThatThrownBy(() -> repository().update(UNKNOWN_UUID, "x")).isInstanceOf(CodeLogNotFoundException.class);
        assertThat(repository().findById(unknownObjectId())).isEmpty();
        assertThat(repository().findById(UNKNOWN_UUID)).isEmpty();
    }

    @Test
    @DisplayName("throws CodeLogNotFoundException after the log was deleted, and does not bring it back")
    void afterDelete() {
        CodeLog created = create(run(), "x");
        repository().delete(created.id());

        assertThatThrownBy(() -> repository().update(created.id(), "y")).isInstanceOf(CodeLogNotFoundException.class);
        assertThat(repository().findById(created.id())).isEmpty();
        assertThat(repository().count(run(), null)).isZero();
    }

    @Test
    @DisplayName("leaves the log found, listed in its place and counted after the clock moved to another day")
    void afterAnotherDay() {
        CodeLog first = create(run(), "first");
        CodeLog target = create(run(), "before");
        clock().advance(Duration.ofSeconds(1));
        CodeLog last = create(run(), "last");
        Instant nextDay = clock().advance(Duration.ofDays(1));

        CodeLog updated = repository().update(target.id(), "after");

        assertThat(updated.updatedAt()).isEqualTo(nextDay);
        assertThat(repository().findById(target.id())).contains(updated);
        assertThat(repository().listRunLogs(run(), null, 10, 1)).containsExactly(first, updated, last);
        assertThat(repository().count(run(), CODE)).isEqualTo(3);
    }

    @Test
    @DisplayName("leaves the log found, listed and counted after the clock moved to another month and year")
    void afterAnotherMonthAndYear() {
        Instant newYear = nextYear(t0());
        Instant lastOfYear = newYear.minusMillis(1);
        String yearEndRun = runStartingBefore(lastOfYear);
        clock().set(lastOfYear);
        CodeLog created = create(yearEndRun, "before");
        clock().set(newYear.plusMillis(1));

        CodeLog updated = repository().update(created.id(), "after");

        assertThat(updated.createdAt()).isEqualTo(lastOfYear);
        assertThat(repository().findById(created.id())).contains(updated);
        assertThat(repository().listRunLogs(yearEndRun, CODE, 10, 1)).containsExactly(updated);
        assertThat(repository().count(null, CODE)).isEqualTo(1);
    }

    @Test
    @DisplayName("keeps updatedAt to at least the microsecond")
    void keepsMicroseconds() {
        CodeLog created = create(run(), "before");
        Instant precise = t0().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).plusNanos(987_654_321);
        clock().set(precise);

        repository().update(created.id(), "after");

        assertThat(repository().findById(created.id()).orElseThrow().updatedAt().truncatedTo(ChronoUnit.MICROS))
                .isEqualTo(precise.truncatedTo(ChronoUnit.MICROS));
    }
}
