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
        create(RUN, CODE, "a");
        create(RUN, CODE, "b");
        create(RUN, OTHER_CODE, "c");
        create(OTHER_RUN, CODE, "d");
        create(UUID_RUN, OTHER_CODE, "e");

        assertThat(repository().count(RUN, null)).isEqualTo(3);
        assertThat(repository().count(null, CODE)).isEqualTo(3);
        assertThat(repository().count(RUN, CODE)).isEqualTo(2);
        assertThat(repository().count(null, OTHER_CODE)).isEqualTo(2);
        assertThat(repository().count(UUID_RUN, CODE)).isZero();
        for (String[] filter : new String[][] {{RUN, null}, {null, CODE}, {RUN, CODE}, {null, OTHER_CODE}}) {
            assertThat(repository().listRunLogs(filter[0], filter[1], 100, 1))
                    .hasSize((int) repository().count(filter[0], filter[1]));
        }
    }

    @Test
    @DisplayName("is 0 for a run with no logs")
    void zeroForUnknownRun() {
        create(RUN, "x");

        assertThat(repository().count(OTHER_RUN, null)).isZero();
        assertThat(repository().count(null, OTHER_CODE)).isZero();
    }

    @Test
    @DisplayName("follows creates and deletes")
    void followsCreatesAndDeletes() {
        CodeLog first = create(RUN, "1");
        assertThat(repository().count(RUN, null)).isEqualTo(1);
        create(RUN, "2");
        assertThat(repository().count(RUN, null)).isEqualTo(2);

        repository().delete(first.id());

        assertThat(repository().count(RUN, null)).isEqualTo(1);
        assertThat(repository().count(RUN, CODE)).isEqualTo(1);
    }

    @Test
    @DisplayName("accepts ids in upper case")
    void upperCaseFilters() {
        create(RUN, CODE, "x");

        assertThat(repository().count(RUN.toUpperCase(Locale.ROOT), CODE.toUpperCase(Locale.ROOT)))
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
