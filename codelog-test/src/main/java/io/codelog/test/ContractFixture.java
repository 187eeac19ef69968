package io.codelog.test;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import java.time.Instant;
import java.util.function.Function;

/** The clock and the fresh, empty repository of the contract test that is running. */
final class ContractFixture {

    /** Where every test's clock starts: a fixed instant in 2025, never "now". */
    static final Instant START = Instant.parse("2025-03-14T09:26:53.589Z");

    private final Function<CodeLogRules, CodeLogRepository> newRepository;
    private MutableClock clock;
    private CodeLogRepository repository;

    /** @param newRepository the store under test's factory of new, empty, isolated repositories */
    ContractFixture(Function<CodeLogRules, CodeLogRepository> newRepository) {
        this.newRepository = newRepository;
    }

    /** Sets the clock back to {@link #START} and asks for a new, empty repository with default rules. */
    void reset() {
        clock = MutableClock.at(START);
        repository = newRepository.apply(CodeLogRules.withClock(clock));
    }

    MutableClock clock() {
        return clock;
    }

    CodeLogRepository repository() {
        return repository;
    }

    /** Another new, empty repository on the same clock, with these rules. */
    CodeLogRepository newRepository(CodeLogRules rules) {
        return newRepository.apply(rules);
    }
}
