package io.codelog.bench;

import io.codelog.s3.S3RequestCounter;
import java.util.function.Supplier;

/**
 * The S3 requests of one operation at a time, from the counter of the client the store uses: each measurement
 * starts from zero and fails when the operation did not return what it should, so a count of a wrong answer is
 * never printed.
 */
final class RequestMeter {

    private final S3RequestCounter counter;

    RequestMeter(S3RequestCounter counter) {
        this.counter = counter;
    }

    /** Starts counting from zero. */
    void reset() {
        counter.reset();
    }

    /** The requests since the last reset. */
    RequestCost sinceReset() {
        return new RequestCost(counter.snapshot());
    }

    /**
     * The requests of one call of the operation.
     *
     * @throws IllegalStateException when the operation returned something else than {@code expected}
     */
    <T> RequestCost measure(Supplier<T> operation, T expected) {
        reset();
        T result = operation.get();
        ExpectedResults.require(
                result.equals(expected), "the store returned an unexpected result while its requests were counted");
        return sinceReset();
    }
}
