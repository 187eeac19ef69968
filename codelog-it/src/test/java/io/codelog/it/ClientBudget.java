package io.codelog.it;

import java.time.Duration;

/**
 * How long an S3 client may spend on one call, and how often it tries.
 *
 * @param attemptTimeout the limit of one HTTP attempt
 * @param callTimeout the limit of one SDK call, retries and backoff included
 * @param maxAttempts how many attempts the standard retry strategy makes, the first included
 * @param circuitBreaker whether the retry strategy stops retrying once failures have spent its tokens (the SDK's
 *     default), so that every call fails at once while a server is down
 */
record ClientBudget(Duration attemptTimeout, Duration callTimeout, int maxAttempts, boolean circuitBreaker) {

    /** A budget with the SDK's circuit breaker. */
    ClientBudget(Duration attemptTimeout, Duration callTimeout, int maxAttempts) {
        this(attemptTimeout, callTimeout, maxAttempts, true);
    }

    /** This budget with every call retrying with backoff however many failed before. */
    ClientBudget withoutCircuitBreaker() {
        return new ClientBudget(attemptTimeout, callTimeout, maxAttempts, false);
    }

    /** Short enough for tests: 2 s per attempt, 10 s per call, 3 attempts. */
    static final ClientBudget SHORT = new ClientBudget(Duration.ofSeconds(2), Duration.ofSeconds(10), 3);
}
