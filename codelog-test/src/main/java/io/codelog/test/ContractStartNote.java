package io.codelog.test;

import java.time.Instant;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Adds to the exception of a failing contract test, as a suppressed note, the instant its clock started from:
 * Maven's console names a failed test by its method alone, so without the note a failure would not say which
 * run of {@link CodeLogRepositoryContract} it came from. The exception itself is rethrown unchanged.
 */
final class ContractStartNote implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        context.getTestInstances()
                .flatMap(instances -> instances.findInstance(CodeLogRepositoryContract.class))
                .map(contract -> contract.start)
                .ifPresent(start -> failure.addSuppressed(new ClockStart(start)));
        throw failure;
    }

    /** The note: a message without a stack trace. */
    static final class ClockStart extends Exception {

        private static final long serialVersionUID = 1L;

        ClockStart(Instant start) {
            super("the contract ran with the clock starting at " + start, null, false, false);
        }
    }
}
