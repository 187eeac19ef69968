package io.codelog.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A worker's wait for the partitions other workers hold once it has nothing left to claim. It remembers each
 * lease as first seen, so that a lease renewed since tells a live holder from a dead one: a dead worker's lease
 * lapses at its expiry, and is waited out whatever the limit, since it is bounded by that worker's lease; a live
 * worker's keeps moving, and is waited for only until {@code limit} has passed since the wait began. Looks again
 * every tenth of this worker's lease (from 100 ms to 5 s), or as soon as a dead holder's lease lapses. Used by one
 * thread.
 */
final class HeldPartitionWait {

    private static final Duration SHORTEST_POLL = Duration.ofMillis(100);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(5);
    private static final Duration SHORTEST_PAUSE = Duration.ofMillis(10);

    private final Instant since;
    private final long sinceNanos;
    private final Duration limit;
    private final Duration pollEvery;
    private final Map<String, PartitionStatus> firstSeen = new HashMap<>();
    private List<HeldPartition> held = List.of();

    /**
     * @param since when the wait began: the time of the look that found nothing to claim
     * @param sinceNanos the same moment on {@link System#nanoTime()}, which measures how long the wait lasted
     * @param limit how long to wait for partitions whose leases keep being renewed; zero: wait for nothing
     * @param lease this worker's lease, which sets how often it looks
     */
    HeldPartitionWait(Instant since, long sinceNanos, Duration limit, Duration lease) {
        this.since = since;
        this.sinceNanos = sinceNanos;
        this.limit = limit;
        this.pollEvery = clamp(lease.dividedBy(10), SHORTEST_POLL, LONGEST_POLL);
    }

    /** Takes in the partitions held now: claimed by others, their leases not lapsed. */
    void observe(List<PartitionStatus> claimed) {
        List<HeldPartition> now = new ArrayList<>(claimed.size());
        for (PartitionStatus status : claimed) {
            PartitionStatus first = firstSeen.get(status.partition());
            if (first == null || !Objects.equals(first.owner(), status.owner())) {
                firstSeen.put(status.partition(), status);
                first = status;
            }
            now.add(new HeldPartition(
                    status.partition(),
                    status.owner(),
                    status.leaseExpiresAt(),
                    status.leaseExpiresAt().isAfter(first.leaseExpiresAt())));
        }
        held = List.copyOf(now);
    }

    /** The partitions held at the last look, oldest first. */
    List<HeldPartition> held() {
        return held;
    }

    /** When the worker stops waiting for live holders, or null when it waits for none (yet). */
    @Nullable
    Instant giveUpAt() {
        return held.stream().anyMatch(HeldPartition::renewed) ? since.plus(limit) : null;
    }

    /**
     * Whether to stop waiting: always when the limit is zero; otherwise once every partition still held is held
     * by a live worker (its lease renewed) and the limit has passed. A lease that was not renewed is waited out.
     */
    boolean givesUp(Instant now) {
        if (limit.isZero()) {
            return true;
        }
        return !held.isEmpty() && held.stream().allMatch(HeldPartition::renewed) && !now.isBefore(since.plus(limit));
    }

    /** How long to pause before looking again: the poll interval, cut short by a lapse or by the limit. */
    Duration pause(Instant now) {
        Instant next = now.plus(pollEvery);
        for (HeldPartition partition : held) {
            if (partition.renewed()) {
                next = earliest(next, since.plus(limit));
            } else {
                // A claim may be taken only once its expiry is in the past: look a millisecond after it.
                next = earliest(next, partition.leaseExpiresAt().plusMillis(1));
            }
        }
        return clamp(Duration.between(now, next), SHORTEST_PAUSE, pollEvery);
    }

    /** How long the worker has waited so far. */
    Duration waited() {
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration clamp(Duration value, Duration least, Duration most) {
        return value.compareTo(least) < 0 ? least : value.compareTo(most) > 0 ? most : value;
    }
}
