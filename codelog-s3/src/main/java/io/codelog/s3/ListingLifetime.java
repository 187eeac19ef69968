package io.codelog.s3;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * How long what a listing found keeps answering, on the store's clock: until it is as old as the time to live. A
 * clock set back makes a listing look younger than it is, so one dated after now no longer answers either.
 */
final class ListingLifetime {

    private final long ttlMillis;
    private final Clock clock;

    /**
     * @param ttl how long a listing answers; zero keeps nothing
     * @param clock the store's clock
     */
    ListingLifetime(Duration ttl, Clock clock) {
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
    }

    /** Whether a listing answers at all. */
    boolean keepsAnything() {
        return ttlMillis > 0;
    }

    /** Now, to date a listing that starts. */
    long now() {
        return clock.millis();
    }

    /** Whether a listing taken at this time no longer answers. */
    boolean expired(long listedAt) {
        return expired(listedAt, now());
    }

    /** Removes the entries whose listing no longer answers. */
    <T> void evictExpired(Map<?, T> entries, ToLongFunction<T> listedAt) {
        long now = now();
        entries.values().removeIf(entry -> expired(listedAt.applyAsLong(entry), now));
    }

    private boolean expired(long listedAt, long now) {
        long age = now - listedAt;
        return age >= ttlMillis || age < 0;
    }
}
