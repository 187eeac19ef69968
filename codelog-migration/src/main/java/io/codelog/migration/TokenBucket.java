package io.codelog.migration;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket refilled at a fixed rate and holding at most a tenth of a second of tokens (at least one), so
 * that over any interval of {@code t} seconds at most {@code rate * t + capacity} permits are handed out. A
 * caller that finds the bucket empty reserves its token and waits outside the lock, so waiting callers are
 * served in arrival order. Guava's RateLimiter is not on this module's classpath, hence this small one.
 */
final class TokenBucket {

    /** Sleeps for a number of nanoseconds; interrupting the thread ends the wait. */
    @FunctionalInterface
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final double permitsPerSecond;
    private final double capacity;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private double tokens;
    private long refilledAt;

    TokenBucket(double permitsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("permitsPerSecond must be a positive number, was " + permitsPerSecond);
        }
        this.permitsPerSecond = permitsPerSecond;
        this.capacity = Math.max(1.0, permitsPerSecond / 10);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.tokens = capacity;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** A bucket on the system's monotonic clock. */
    static TokenBucket perSecond(double permitsPerSecond) {
        return new TokenBucket(permitsPerSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    /** The most permits handed out at once after a pause. */
    double capacity() {
        return capacity;
    }

    /**
     * Takes one permit, waiting as long as the rate requires.
     *
     * @throws MigrationException when the thread is interrupted while it waits (the interrupt flag stays set)
     */
    void acquire() {
        long waitNanos;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            tokens = Math.min(capacity, tokens + (now - refilledAt) * permitsPerSecond / NANOS_PER_SECOND);
            refilledAt = now;
            tokens -= 1;
            waitNanos = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / permitsPerSecond * NANOS_PER_SECOND);
        }
        if (waitNanos > 0) {
            try {
                sleeper.sleepNanos(waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigrationException("Interrupted while waiting for the request rate limit", e);
            }
        }
    }
}
