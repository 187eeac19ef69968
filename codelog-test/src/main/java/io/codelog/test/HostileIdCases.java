package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation refuses ids that are not an ObjectId or UUID, naming the argument, and changes nothing. */
abstract class HostileIdCases extends ContractCases {

    HostileIdCases(ContractFixture fixture) {
        super(fixture);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(HOSTILE_IDS)
    @DisplayName("create refuses it as id")
    void createId(String id) {
        assertInvalid(
                "id",
                () -> repository()
                        .create(CodeLog.of(run(), CODE, LogType.INFO, "x").withId(id)));
        assertThat(repository().count(run(), null)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(HOSTILE_IDS)
    @DisplayName("create refuses it as run_id")
    void createRunId(String id) {
        assertInvalid("run_id", () -> repository().create(CodeLog.of(id, CODE, LogType.INFO, "x")));
        assertThat(repository().count(null, CODE)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(HOSTILE_IDS)
    @DisplayName("create refuses it as code_id")
    void createCodeId(String id) {
        assertInvalid("code_id", () -> repository().create(CodeLog.of(run(), id, LogType.INFO, "x")));
        assertThat(repository().count(run(), null)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(HOSTILE_IDS)
    @DisplayName("findById refuses it")
    void findById(String id) {
        assertInvalid("id", () -> repository().findById(id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(HOSTILE_IDS)
    @DisplayName("update refuses it and changes nothing")
    void update(String id) {
        CodeLog existing = create(run(), "before");

        assertInvalid("id", () -> repository().update(id, "after"));
        assertThat(repository().findById(existing.id())).contains(existing);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(HOSTILE_IDS)
    @DisplayName("delete refuses it and deletes nothing")
    void delete(String id) {
        CodeLog existing = create(run(), "x");

        assertInvalid("id", () -> repository().delete(id));
        assertThat(repository().findById(existing.id())).contains(existing);
        assertThat(repository().count(run(), null)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(HOSTILE_IDS)
    @DisplayName("listRunLogs refuses it as run_id and as code_id")
    void listRunLogs(String id) {
        assertInvalid("run_id", () -> repository().listRunLogs(id, CODE, 10, 1));
        assertInvalid("run_id", () -> repository().listRunLogs(id, null, 10, 1));
        assertInvalid("code_id", () -> repository().listRunLogs(run(), id, 10, 1));
        assertInvalid("code_id", () -> repository().listRunLogs(null, id, 10, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(HOSTILE_IDS)
    @DisplayName("count refuses it as run_id and as code_id")
    void count(String id) {
        assertInvalid("run_id", () -> repository().count(id, CODE));
        assertInvalid("code_id", () -> repository().count(run(), id));
        assertInvalid("code_id", () -> repository().count(null, id));
    }

    @Test
    @DisplayName("findById, update and delete refuse a null id, naming id")
    void nullId() {
        assertInvalid("id", () -> repository().findById(null));
        assertInvalid("id", () -> repository().update(null, "x"));
        assertInvalid("id", () -> repository().delete(null));
    }
}
