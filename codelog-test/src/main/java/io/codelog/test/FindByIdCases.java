package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What {@link io.codelog.core.CodeLogRepository#findById} promises. */
abstract class FindByIdCases extends ContractCases {

    FindByIdCases(ContractFixture fixture) {
        super(fixture);
    }

    @Test
    @DisplayName("finds a stored log with every field")
    void findsStoredLog() {
        CodeLog created = create(run(), "x");
        create(run(), "another");

        CodeLog found = repository().findById(created.id()).orElseThrow();

        assertThat(found).isEqualTo(created);
        assertThat(found.createdAt()).isEqualTo(t0());
    }

    @Test
    @DisplayName("is empty for an unknown ObjectId")
    void emptyForUnknownObjectId() {
        create(run(), "x");

        assertThat(repository().findById(unknownObjectId())).isEmpty();
    }

    @Test
    @DisplayName("is empty for an unknown UUID")
    void emptyForUnknownUuid() {
        create(run(), "x");

        assertThat(repository().findById(UNKNOWN_UUID)).isEmpty();
    }

    @Test
    @DisplayName("is empty after the log is deleted")
    void emptyAfterDelete() {
        CodeLog created = create(run(), "x");

        repository().delete(created.id());

        assertThat(repository().findById(created.id())).isEmpty();
    }
}
