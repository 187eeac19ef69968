package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What {@link io.codelog.core.CodeLogRepository#put} promises: a verbatim copy, as migration needs. */
abstract class PutCases extends ContractCases {

    private static final String ID = "65f2c3a1b4d5e6f708192b01";
    private static final Instant CREATED = Instant.parse("2024-06-30T23:59:58.123456789Z");
    private static final Instant UPDATED = Instant.parse("2024-07-02T08:00:00.5Z");
    /** A run started an hour before the copied log, as a migrated run's ObjectId says in production. */
    private static final String COPIED_RUN =
            String.format("%08x", CREATED.getEpochSecond() - 3600) + "0a0b0c0d0e0f0102";

    PutCases(ContractFixture fixture) {
        super(fixture);
    }

    private static CodeLog copy(String content) {
        return new CodeLog(ID, COPIED_RUN, CODE, LogType.ERROR, content, CREATED, UPDATED);
    }

    @Test
    @DisplayName("keeps id, timestamps and content exactly, whatever the clock says")
    void keepsEverything() {
        CodeLog stored = repository().put(copy("from the old store"));

        assertThat(stored).isEqualTo(copy("from the old store"));
        assertThat(repository().findById(ID)).contains(copy("from the old store"));
        assertThat(repository().listRunLogs(COPIED_RUN, CODE, 10, 1)).containsExactly(copy("from the old store"));
        assertThat(repository().count(COPIED_RUN, null)).isEqualTo(1);
    }

    @Test
    @DisplayName("replaces a log with the same id: found, listed and counted once, with the new content")
    void replaces() {
        repository().put(copy("first"));
        repository().put(copy("second"));

        assertThat(repository().findById(ID)).contains(copy("second"));
        assertThat(repository().listRunLogs(COPIED_RUN, null, 10, 1)).containsExactly(copy("second"));
        assertThat(repository().count(COPIED_RUN, CODE)).isEqualTo(1);
    }

    @Test
    @DisplayName("replaces a log that create stored, keeping it under the same run")
    void replacesCreated() {
        CodeLog created = create(COPIED_RUN, "created");
        CodeLog changed = created.withContent("copied over", created.updatedAt());

        repository().put(changed);

        assertThat(repository().findById(created.id())).contains(changed);
        assertThat(repository().count(COPIED_RUN, CODE)).isEqualTo(1);
    }

    @Test
    @DisplayName("does not apply the content limit: a copy stays identical to its source")
    void noContentLimit() {
        String longContent = "x".repeat(MAX + 10);

        repository().put(copy(longContent));

        assertThat(repository().findById(ID).orElseThrow().content()).isEqualTo(longContent);
    }

    @Test
    @DisplayName("takes createdAt for a missing updatedAt, and lower-cases ids")
    void fillsUpdatedAtAndLowerCases() {
        CodeLog upper = new CodeLog(ID.toUpperCase(), COPIED_RUN, CODE, LogType.INFO, "x", CREATED, null);

        CodeLog stored = repository().put(upper);

        assertThat(stored.id()).isEqualTo(ID);
        assertThat(stored.updatedAt()).isEqualTo(CREATED);
        assertThat(repository().findById(ID)).contains(stored);
    }

    @Test
    @DisplayName("refuses a log without id, created_at, type or content, before any I/O")
    void refusesIncompleteLogs() {
        assertInvalid("id", () -> repository().put(copy("x").withId(null)));
        assertInvalid("created_at", () -> repository().put(copy("x").withTimestamps(null, UPDATED)));
        assertInvalid("type", () -> repository().put(new CodeLog(ID, RUN, CODE, null, "x", CREATED, UPDATED)));
        assertInvalid("content", () -> repository().put(copy(null)));
        assertInvalid(
                "run_id", () -> repository().put(new CodeLog(ID, "../x", CODE, LogType.INFO, "x", CREATED, UPDATED)));
        assertInvalid("log", () -> repository().put(null));

        assertThat(repository().count(COPIED_RUN, null)).isZero();
    }
}
