package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What {@link io.codelog.core.CodeLogRepository#delete} promises. */
abstract class DeleteCases extends ContractCases {

    DeleteCases(ContractFixture fixture) {
        super(fixture);
    }

    @Test
    @DisplayName("returns true, then false for the same id: deleting twice is not an error")
    void idempotent() {
        CodeLog created = create(run(), "x");

        assertThat(repository().delete(created.id())).isTrue();
        assertThat(repository().delete(created.id())).isFalse();
    }

    @Test
    @DisplayName("returns false for an unknown ObjectId or UUID")
    void unknownId() {
        create(run(), "x");

        assertThat(repository().delete(unknownObjectId())).isFalse();
        assertThat(repository().delete(UNKNOWN_UUID)).isFalse();
        assertThat(repository().count(run(), null)).isEqualTo(1);
    }

    @Test
    @DisplayName("removes only that log: the run's other logs stay listed, and the count drops by one")
    void othersRemain() {
        CodeLog first = create(run(), "first");
        CodeLog middle = create(run(), "middle");
        CodeLog last = create(run(), "last");
        CodeLog otherRun = create(otherRun(), "other");

        repository().delete(middle.id());

        assertThat(repository().listRunLogs(run(), null, 10, 1)).containsExactly(first, last);
        assertThat(repository().count(run(), null)).isEqualTo(2);
        assertThat(repository().findById(otherRun.id())).contains(otherRun);
    }

    @Test
    @DisplayName("deletes a log with a supplied UUID, given in upper case")
    void deletesUuid() {
        String id = "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        repository().create(CodeLog.of(UUID_RUN, CODE, LogType.INFO, "x").withId(id));

        assertThat(repository().delete(id.toUpperCase(Locale.ROOT))).isTrue();
        assertThat(repository().findById(id)).isEmpty();
        assertThat(repository().count(UUID_RUN, null)).isZero();
    }
}
