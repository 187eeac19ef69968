package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codelog.core.CodeLog;
import io.codelog.core.InvalidCodeLogException;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What {@link io.codelog.core.CodeLogRepository#count} promises. */
abstract class CountCases extends ContractCases {

    CountCases(ContractFixture fixture) {
        super(fixture);
    }

    @Test
    @DisplayName("counts by run, by code and by both, matching the listings")
    void byRunCodeAndBoth() {
        create(run(), CODE, "a");
        create(run(), CODE, "b");
        create(run(), OTHER_CODE, "c");
        create(otherRun(), CODE, "d");
        create(UUID_RUN, OTHER_CODE, "e");

        assertThat(repository().count(run(), null)).isEqualTo(3);
        assertThat(repository().count(null, CODE)).isEqualTo(3);
        assertThat(repository().count(run(), CODE)).isEqualTo(2);
        assertThat(repository().count(null, OTHER_CODE)).isEqualTo(2);
        assertThat(repository().count(UUID_RUN, CODE)).isZero();
        for (String[] filter : new String[][] {{run(), null}, {null, CODE}, {run(), CODE}, {null, OTHER_CODE}}) {
            assertThat(repository().listRunLogs(filter[0], filter[1], 100, 1))
                    .hasSize((int) repository().count(filter[0], filter[1]));
        }
    }

    @Test
    @DisplayName("is 0 for a run with no logs")
    void zeroForUnknownRun() {
        create(run(), "x");

        assertThat(repository().count(otherRun(), null)).isZero();
        assertThat(repository().count(null, OTHER_CODE)).isZero();
    }

    @Test
    @DisplayName("follows creates and deletes")
    void followsCreatesAndDeletes() {
        CodeLog first = create(run(), "1");
        assertThat(repository().count(run(), null)).isEqualTo(1);
        create(run(), "2");
        assertThat(repository().count(run(), null)).isEqualTo(2);

        repository().delete(first.id());

        assertThat(repository().count(run(), null)).isEqualTo(1);
        assertThat(repository().count(run(), CODE)).isEqualTo(1);
    }

    @Test
    @DisplayName("accepts ids in upper case")
    void upperCaseFilters() {
        create(run(), CODE, "x");

        assertThat(repository().count(run().toUpperCase(Locale.ROOT), CODE.toUpperCase(Locale.ROOT)))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("refuses a count with neither run nor code")
    void refusesNoFilter() {
        InvalidCodeLogException e = catchThrowableOfType(
                InvalidCodeLogException.class, () -> repository().count(null, null));

        assertThat(e).isNotNull();
        assertThat(e.field()).isIn("run_id", "code_id");
    }
}
