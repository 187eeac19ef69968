package io.codelog.migration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a worker's claim on one partition alive while it copies it: saves the watermark, which renews the lease,
 * every {@code checkpointEvery} entries and whenever a third of the lease has passed since the last save. The
 * worker's pool calls it while the worker waits for a free slot or for its copies to drain, so that a slow target
 * never costs a live worker its claim. A failed save is recorded as the partition's failure and ends the renewals.
 * Used by the worker's one reading thread.
 */
final class ClaimRenewal implements WorkerPool.Heartbeat {

    private static final Duration STOPPED = Duration.ofMinutes(1);

    private final PartitionLedger ledger;
    private final MigrationJob job;
    private final String partition;
    private final CompletionWatermark watermark;
    private final Clock clock;
    private final AtomicReference<RuntimeException> failure;
    private final Runnable onCheckpoint;
    private final Duration renewEvery;
    private Instant renewAt;
    private int sinceCheckpoint;
    private boolean lost;

    ClaimRenewal(
            PartitionLedger ledger,
            MigrationJob job,
            String partition,
            CompletionWatermark watermark,
            Clock clock,
            AtomicReference<RuntimeException> failure,
            Runnable onCheckpoint) {
        this.ledger = ledger;
        this.job = job;
        this.partition = partition;
        this.watermark = watermark;
        this.clock = clock;
        this.failure = failure;
        this.onCheckpoint = onCheckpoint;
        this.renewEvery = job.lease().dividedBy(3);
        this.renewAt = clock.instant().plus(renewEvery);
    }

    /** Counts an entry handed to the pool; saves the watermark when {@code checkpointEvery} were handed since. */
    void entrySubmitted() {
        if (++sinceCheckpoint >= job.checkpointEvery()) {
            save(clock.instant());
        }
    }

    /** Saves the watermark when a third of the lease has passed since the last save; returns when it is due next. */
    @Override
    public Duration beat() {
        Instant now = clock.instant();
        if (!now.isBefore(renewAt)) {
            save(now);
        }
        if (stopped()) {
            return STOPPED;
        }
        Duration untilDue = Duration.between(clock.instant(), renewAt);
        return untilDue.isNegative() || untilDue.isZero() ? Duration.ofMillis(1) : untilDue;
    }

    /** Whether another worker took the claim over: the ledger refused a save. */
    boolean lost() {
        return lost;
    }

    private boolean stopped() {
        return lost || failure.get() != null;
    }

    private void save(Instant now) {
        if (stopped()) {
            return;
        }
        sinceCheckpoint = 0;
        renewAt = now.plus(renewEvery);
        try {
            if (!ledger.checkpoint(partition, job.owner(), watermark.checkpoint(), now, job.lease())) {
                lost = true;
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            return;
        }
        onCheckpoint.run();
    }
}
