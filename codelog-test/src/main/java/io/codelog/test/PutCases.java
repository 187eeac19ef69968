package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What {@link io.codelog.core.CodeLogRepository#put} promises: a verbatim copy, as migration needs. */
abstract class PutCases extends ContractCases {

    /** When the copied log was created: a day before the clock's start, to the nanosecond. */
    private Instant copyCreatedAt;
    /** When it was last updated: 20 h 0.5 s after, still before the clock's start. */
    private Instant copyUpdatedAt;
    /** Its id, an ObjectId dated at its creation as the old store generated it. */
    private String copyId;
    /** A run started an hour before the copied log, as a migrated run's ObjectId says in production. */
    private String copiedRun;

    PutCases(ContractFixture fixture) {
        super(fixture);
    }

    @BeforeEach
    void copiedLogOfTheDayBefore() {
        copyCreatedAt =
                t0().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1)).plusNanos(123_456_789);
        copyUpdatedAt = copyCreatedAt.plus(Duration.ofHours(20)).plusMillis(500);
        copyId = objectIdAt(copyCreatedAt);
        copiedRun = objectIdAt(copyCreatedAt.minus(Duration.ofHours(1)));
    }

    private CodeLog copy(String content) {
        return new CodeLog(copyId, copiedRun, CODE, LogType.ERROR, content, copyCreatedAt, copyUpdatedAt);
    }

    @Test
    @DisplayName("keeps id, timestamps and content exactly, whatever the clock says")
    void keepsEverything() {
        CodeLog stored = repository().put(copy("from the old store"));

        assertThat(stored).isEqualTo(copy("from the old store"));
        assertThat(repository().findById(copyId)).contains(copy("from the old store"));
        assertThat(repository().listRunLogs(copiedRun, CODE, 10, 1)).containsExactly(copy("from the old store"));
        assertThat(repository().count(copiedRun, null)).isEqualTo(1);
    }

    @Test
    @DisplayName("replaces a log with the same id: found, listed and counted once, with the new content")
    void replaces() {
        repository().put(copy("first"));
        repository().put(copy("second"));

        assertThat(repository().findById(copyId)).contains(copy("second"));
        assertThat(repository().listRunLogs(copiedRun, null, 10, 1)).containsExactly(copy("second"));
        assertThat(repository().count(copiedRun, CODE)).isEqualTo(1);
    }

    @Test
    @DisplayName("replaces a log that create stored, keeping it under the same run")
    void replacesCreated() {
        CodeLog created = create(copiedRun, "created");
        CodeLog changed = created.withContent("copied over", created.updatedAt());

        repository().put(changed);

        assertThat(repository().findById(created.id())).contains(changed);
        assertThat(repository().count(copiedRun, CODE)).isEqualTo(1);
    }

    @Test
    @DisplayName("does not apply the content limit: a copy stays identical to its source")
    void noContentLimit() {
        String longContent = "x".repeat(MAX + 10);

        repository().put(copy(longContent));

        assertThat(repository().findById(copyId).orElseThrow().content()).isEqualTo(longContent);
    }

    @Test
    @DisplayName("takes createdAt for a missing updatedAt, and lower-cases ids")
    void fillsUpdatedAtAndLowerCases() {
        CodeLog upper = new CodeLog(copyId.toUpperCase(), copiedRun, CODE, LogType.INFO, "x", copyCreatedAt, null);

        CodeLog stored = repository().put(upper);

        assertThat(stored.id()).isEqualTo(copyId);
        assertThat(stored.updatedAt()).isEqualTo(copyCreatedAt);
        assertThat(repository().findById(copyId)).contains(stored);
    }

    @Test
    @DisplayName("refuses a log without id, created_at, type or content, before any I/O")
    void refusesIncompleteLogs() {
        assertInvalid("id", () -> repository().put(copy("x").withId(null)));
        assertInvalid("created_at", () -> repository().put(copy("x").withTimestamps(null, copyUpdatedAt)));
        assertInvalid(
                "type",
                () -> repository().put(new CodeLog(copyId, run(), CODE, null, "x", copyCreatedAt, copyUpdatedAt)));
        assertInvalid("content", () -> repository().put(copy(null)));
        assertInvalid(
                "run_id",
                () -> repository()
                        .put(new CodeLog(copyId, "../x", CODE, LogType.INFO, "x", copyCreatedAt, copyUpdatedAt)));
        assertInvalid("log", () -> repository().put(null));

        assertThat(repository().count(copiedRun, null)).isZero();
    }
}
