package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunFilterTest {

    private static final String RUN = "507f1f77bcf86cd799439011";
    private static final String CODE = "507f191e810c19729de860ea";
    private static final String OTHER = "6581a2b3c4d5e6f708192a3b";

    @Test
    void bothNullIsRejectedNamingRunId() {
        assertThatThrownBy(() -> new RunFilter(null, null))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo("run_id"))
                .hasMessageContaining("code_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "%2F", "507f1f77bcf86cd79943901", "507f1f77bcf86cd799439011/"})
    void invalidRunIdIsRejectedNamingRunId(String runId) {
        assertThatThrownBy(() -> new RunFilter(runId, CODE))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo("run_id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "%2F", "507f1f77bcf86cd79943901", "507f1f77bcf86cd799439011/"})
    void invalidCodeIdIsRejectedNamingCodeId(String codeId) {
        assertThatThrownBy(() -> new RunFilter(RUN, codeId))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo("code_id"));
        assertThatThrownBy(() -> new RunFilter(null, codeId))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo("code_id"));
    }

    @Test
    void idsAreLowerCased() {
        RunFilter filter = new RunFilter(RUN.toUpperCase(), "F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6");

        assertThat(filter.runId()).isEqualTo(RUN);
        assertThat(filter.codeId()).isEqualTo("f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
    }

    @Test
    void eitherIdAloneIsEnough() {
        assertThat(new RunFilter(RUN, null).codeId()).isNull();
        assertThat(new RunFilter(null, CODE).runId()).isNull();
    }

    @Test
    void runOnlyFilterMatchesAnyCodeOfThatRun() {
        RunFilter filter = new RunFilter(RUN, null);

        assertThat(filter.matches(log(RUN, CODE))).isTrue();
        assertThat(filter.matches(log(RUN, OTHER))).isTrue();
        assertThat(filter.matches(log(OTHER, CODE))).isFalse();
    }

    @Test
    void codeOnlyFilterMatchesAnyRunOfThatCode() {
        RunFilter filter = new RunFilter(null, CODE);

        assertThat(filter.matches(log(RUN, CODE))).isTrue();
        assertThat(filter.matches(log(OTHER, CODE))).isTrue();
        assertThat(filter.matches(log(RUN, OTHER))).isFalse();
    }

    @Test
    void bothIdsMustMatchWhenBothAreGiven() {
        RunFilter filter = new RunFilter(RUN, CODE);

        assertThat(filter.matches(log(RUN, CODE))).isTrue();
        assertThat(filter.matches(log(RUN, OTHER))).isFalse();
        assertThat(filter.matches(log(OTHER, CODE))).isFalse();
    }

    @Test
    void upperCaseFilterMatchesStoredLowerCaseIds() {
        assertThat(new RunFilter(RUN.toUpperCase(), null).matches(log(RUN, CODE)))
                .isTrue();
    }

    private static CodeLog log(String runId, String codeId) {
        return new CodeLog(OTHER, runId, codeId, LogType.INFO, "", Instant.EPOCH, Instant.EPOCH);
    }
}
