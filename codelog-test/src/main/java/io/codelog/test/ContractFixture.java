package io.codelog.test;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.core.IdGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The clock, the run ids and the fresh, empty repository of the contract test that is running. The clock
 * starts at the instant the contract runs with ({@link ContractStarts}); the runs are ObjectIds dated a few
 * seconds before it, as the engine's run ids are dated at the run's start.
 */
final class ContractFixture {

    /** How long before the clock's start {@link #run()} began. */
    static final Duration RUN_AGE = Duration.ofSeconds(5);

    /** How long before the clock's start {@link #otherRun()} began. */
    static final Duration OTHER_RUN_AGE = Duration.ofSeconds(7);

    private final Function<CodeLogRules, CodeLogRepository> newRepository;
    private final BooleanSupplier atomicConditionalWrites;
    private Instant start;
    private String run;
    private String otherRun;
    private String unknownObjectId;
    private MutableClock clock;
    private CodeLogRepository repository;

    /** @param newRepository the store under test's factory of new, empty, isolated repositories */
    ContractFixture(Function<CodeLogRules, CodeLogRepository> newRepository, BooleanSupplier atomicConditionalWrites) {
        this.newRepository = newRepository;
        this.atomicConditionalWrites = atomicConditionalWrites;
    }

    /**
     * Sets the clock to {@code start}, dates two new runs just before it and asks for a new, empty repository
     * with default rules on that clock.
     */
    void reset(Instant start) {
        this.start = Objects.requireNonNull(start, "start: the contract runs only with a start instant");
        otherRun = objectIdAt(start.minus(OTHER_RUN_AGE));
        run = objectIdAt(start.minus(RUN_AGE));
        unknownObjectId = objectIdAt(start);
        clock = MutableClock.at(start);
        repository = newRepository.apply(CodeLogRules.withClock(clock));
    }

    /**
     * A new ObjectId dated at {@code at} (its second), as another process would generate it: by the project's
     * own generator, a new one per call, so that ids need not be asked for in time order.
     */
    static String objectIdAt(Instant at) {
        return IdGenerator.objectIds().newId(at);
    }

    /** Where the clock started for the running test. */
    Instant start() {
        return start;
    }

    /** An ObjectId run started {@link #RUN_AGE} before {@link #start()}. */
    String run() {
        return run;
    }

    /** Another ObjectId run, started {@link #OTHER_RUN_AGE} before {@link #start()}. */
    String otherRun() {
        return otherRun;
    }

    /** An ObjectId dated at {@link #start()} that no log of the running test has. */
    String unknownObjectId() {
        return unknownObjectId;
    }

    /** Whether the store's server applies concurrent conditional writes atomically. */
    boolean atomicConditionalWrites() {
        return atomicConditionalWrites.getAsBoolean();
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
