package io.codelog.s3;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Knows which day prefixes exist under the legacy root, so that listings scan the legacy path only for those
 * days instead of doubling every LIST. Probes lazily on first use and again when the last probe is older than
 * the interval (monotonic time, not the rules' clock, which tests may freeze). Thread-safe.
 */
final class LegacyDayProbe {

    private final DayPrefixWalker walker;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private NavigableSet<LocalDate> days;
    private long probedAt;

    LegacyDayProbe(DayPrefixWalker walker, Duration interval, LongSupplier nanoTime) {
        this.walker = walker;
        this.intervalNanos = saturatedNanos(interval);
        this.nanoTime = nanoTime;
    }

    /** The days under the legacy root as of the last probe, probing first when due. */
    synchronized NavigableSet<LocalDate> days(String operation) {
        long now = nanoTime.getAsLong();
        if (days == null || now - probedAt >= intervalNanos) {
            days = Collections.unmodifiableNavigableSet(
                    new TreeSet<>(walker.days(operation, LogKey.Root.LEGACY, LocalDate.MAX)));
            probedAt = now;
        }
        return days;
    }

    private static long saturatedNanos(Duration interval) {
        try {
            return interval.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
