package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.core.ContentRules;
import io.codelog.core.IdGenerator;
import io.codelog.core.InvalidCodeLogException;
import io.codelog.core.LogType;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The ids, helpers and assertions that the groups of {@link CodeLogRepositoryContract} share. */
abstract class ContractCases {

    static final Instant T0 = ContractFixture.START;
    static final String RUN = "65f2c3a1b4d5e6f708192a3b";
    static final String OTHER_RUN = "65f2c3a1b4d5e6f708192a3c";
    static final String UUID_RUN = "0b8e9f3a-6c2d-4f1e-9a7b-3c4d5e6f7a8b";
    static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
    static final String OTHER_CODE = "65f2c3a1b4d5e6f708192aff";
    static final String UNKNOWN_OBJECT_ID = "000000000000000000000001";
    static final String UNKNOWN_UUID = "7d444840-9dc0-11d1-b245-5ffdce74fad2";
    static final int MAX = ContentRules.DEFAULT_MAX_LENGTH;
    static final String HOSTILE_IDS = "io.codelog.test.ContractSamples#hostileIds";
    static final String CONTENTS = "io.codelog.test.ContractSamples#contents";

    private final ContractFixture fixture;

    ContractCases(ContractFixture fixture) {
        this.fixture = fixture;
    }

    /** The new, empty repository of the running test. */
    CodeLogRepository repository() {
        return fixture.repository();
    }

    /** The clock of the running test's repository, starting at {@link #T0}. */
    MutableClock clock() {
        return fixture.clock();
    }

    /** Creates an info log of {@link #CODE} in the run, with a generated id. */
    CodeLog create(String runId, String content) {
        return create(runId, CODE, content);
    }

    /** Creates an info log with a generated id. */
    CodeLog create(String runId, String codeId, String content) {
        return repository().create(CodeLog.of(runId, codeId, LogType.INFO, content));
    }

    /** Another new, empty repository on the same clock, with other content rules. */
    CodeLogRepository repositoryWith(ContentRules content) {
        return fixture.newRepository(new CodeLogRules(content, clock(), IdGenerator.objectIds()));
    }

    /** Asserts that the call throws InvalidCodeLogException naming the field, in a short message. */
    static void assertInvalid(String field, ThrowingCallable call) {
        InvalidCodeLogException e = catchThrowableOfType(InvalidCodeLogException.class, call);

        assertThat(e).as("InvalidCodeLogException naming %s", field).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).hasSizeLessThan(300);
    }
}
