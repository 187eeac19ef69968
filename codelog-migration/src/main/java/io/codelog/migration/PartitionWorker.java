package io.codelog.migration;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Copies one claimed partition: streams it from its checkpoint, copies entries on the pool, saves the watermark
 * (renewing the lease) every {@code checkpointEvery} entries or third of a lease, also while it waits for the pool
 * ({@link ClaimRenewal}), and completes, gives back or abandons the claim at the end.
 */
final class PartitionWorker {

    /** How a partition ended for this worker. */
    enum Ending {
        /** Every entry was copied and the partition is marked done. */
        COMPLETED,
        /** The run was cancelled; the partition was given back with its checkpoint. */
        CANCELLED,
        /** Another worker took the claim over; this worker's copies stay, its counts do not. */
        LEASE_LOST
    }

    /**
     * How a partition ended and where it stood.
     *
     * @param ending how it ended
     * @param checkpoint the last watermark
     */
    record Result(Ending ending, Checkpoint checkpoint) {}

    private final MigrationJob job;
    private final LogSource source;
    private final PartitionLedger ledger;
    private final LogCopier copier;
    private final WorkerPool pool;
    private final RequestGate gate;
    private final Clock clock;
    private final BooleanSupplier cancelled;
    private final Runnable onCheckpoint;

    PartitionWorker(
            MigrationJob job,
            LogSource source,
            PartitionLedger ledger,
            LogCopier copier,
            WorkerPool pool,
            RequestGate gate,
            Clock clock,
            BooleanSupplier cancelled,
            Runnable onCheckpoint) {
        this.job = job;
        this.source = source;
        this.ledger = ledger;
        this.copier = copier;
        this.pool = pool;
        this.gate = gate;
        this.clock = clock;
        this.cancelled = cancelled;
        this.onCheckpoint = onCheckpoint;
    }

    /**
     * Copies the partition.
     *
     * @throws RuntimeException the first store failure, after the partition was given back at its watermark
     */
    Result process(ClaimedPartition claim) {
        String partition = claim.partition();
        CompletionWatermark watermark = new CompletionWatermark(claim.resumeFrom());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ClaimRenewal renewal = new ClaimRenewal(ledger, job, partition, watermark, clock, failure, onCheckpoint);
        boolean wasCancelled = false;
        try (SourceCursor cursor = source.open(partition, claim.resumeFrom().position(), job.batchSize(), gate)) {
            while (!renewal.lost() && failure.get() == null && cursor.hasNext()) {
                if (cancelled.getAsBoolean()) {
                    wasCancelled = true;
                    break;
                }
                SourceEntry entry = cursor.next();
                long sequence = watermark.begin(entry);
                pool.submit(() -> copy(entry, sequence, watermark, failure), renewal);
                renewal.entrySubmitted();
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        pool.awaitIdle(renewal);
        Checkpoint reached = watermark.checkpoint();
        if (failure.get() != null) {
            giveBack(partition, reached, failure.get());
            throw failure.get();
        }
        if (renewal.lost()) {
            return new Result(Ending.LEASE_LOST, reached);
        }
        if (wasCancelled) {
            ledger.release(partition, job.owner(), reached, clock.instant());
            return new Result(Ending.CANCELLED, reached);
        }
        if (ledger.complete(partition, job.owner(), reached, clock.instant())) {
            return new Result(Ending.COMPLETED, reached);
        }
        return new Result(Ending.LEASE_LOST, reached);
    }

    private void copy(
            SourceEntry entry,
            long sequence,
            CompletionWatermark watermark,
            AtomicReference<RuntimeException> failure) {
        if (failure.get() != null) {
            return;
        }
        try {
            watermark.finish(sequence, copier.copy(entry));
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void giveBack(String partition, Checkpoint reached, RuntimeException cause) {
        try {
            ledger.release(partition, job.owner(), reached, clock.instant());
        } catch (RuntimeException releaseFailure) {
            // The claim then lapses with its lease and the last saved checkpoint; the first failure is the one to
            // report.
            cause.addSuppressed(releaseFailure);
        }
    }
}
