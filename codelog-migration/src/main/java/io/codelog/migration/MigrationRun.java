package io.codelog.migration;

import io.codelog.core.CodeLogException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's run of a migration job: claims partitions one after another, copying each with the job's
 * concurrency, until every partition of the job is done. When nothing is left to claim but other workers still
 * hold partitions, it waits on the ledger: a dead worker's lease lapses and its partition is taken over; a live
 * worker's (renewed again and again) is waited for up to the job's {@link MigrationJob#waitForHeld()}, after
 * which the run ends with the job not complete and names those partitions. Call {@link #call()} once, on any
 * thread (e.g. submit it to an executor to migrate in the background); {@link #cancel()} and {@link #progress()}
 * may be called from any other thread.
 */
public final class MigrationRun implements Callable<MigrationSummary> {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRun.class);
    private static final int DRY_RUN_QUARANTINE_SAMPLE = 100;

    private final MigrationJob job;
    private final LogSource source;
    private final LogTarget target;
    private final PartitionLedger ledger;
    private final QuarantineSink quarantine;
    private final MigrationListener listener;
    private final Clock clock;
    private final RunTotals totals = new RunTotals();
    private final MeteredGate gate;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch cancelRequested = new CountDownLatch(1);
    private volatile boolean cancelled;
    private volatile PartitionLedger.Tally tally = new PartitionLedger.Tally(0, 0);
    private volatile List<HeldPartition> waitingFor = List.of();
    private volatile @Nullable Instant giveUpAt;
    private volatile List<HeldPartition> heldByOthers = List.of();
    private Duration waitedForHeld = Duration.ZERO;
    private long partitionsByThisWorker;

    MigrationRun(
            MigrationJob job,
            LogSource source,
            LogTarget target,
            MigrationState state,
            MigrationListener listener,
            Clock clock) {
        this.job = job;
        this.source = source;
        this.target = target;
        this.ledger = job.dryRun() ? new MemoryPartitionLedger() : state.ledger(job.jobId());
        this.quarantine = job.dryRun() ? new MemoryQuarantine(DRY_RUN_QUARANTINE_SAMPLE) : state.quarantineSink();
        this.listener = listener;
        this.clock = clock;
        this.gate = MeteredGate.limitedTo(job.maxRequestsPerSecond());
    }

    /**
     * Runs the job until every partition is done, until the partitions left are held by live workers beyond the
     * job's wait for them, or until cancelled.
     *
     * @return what this worker did, and whether the job is complete
     * @throws MigrationException when a store keeps failing (the partition in hand is given back at its last
     *     checkpoint; run the job again to resume), the job id was used for another range or direction, or the
     *     thread was interrupted while it waited for other workers
     * @throws IllegalStateException when called a second time
     */
    @Override
    public MigrationSummary call() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("A MigrationRun runs once; ask the engine for a new one");
        }
        try {
            List<String> partitions = source.partitions(job.from(), job.toExclusive(), job.includeUndated());
            ledger.register(
                    new JobDefinition(job.jobId(), source.name(), target.name(), job.from(), job.toExclusive()),
                    partitions);
            tally = ledger.tally();
            try (WorkerPool pool = new WorkerPool(job.concurrency(), "codelog-migration-" + job.jobId())) {
                LogCopier copier = new LogCopier(job, source, target, quarantine, gate, totals, clock);
                PartitionWorker worker = new PartitionWorker(
                        job, source, ledger, copier, pool, gate, clock, () -> cancelled, this::reportProgress);
                runPartitions(worker);
            }
        } catch (MigrationException e) {
            throw new MigrationException(e.getMessage(), e, summary());
        } catch (CodeLogException e) {
            throw new MigrationException(
                    "Migration job '" + job.jobId() + "' stopped: " + e.getMessage()
                            + "; run the job again to resume from its checkpoints",
                    e,
                    summary());
        }
        tally = ledger.tally();
        return summary();
    }

    /**
     * Asks the run to stop after the logs in flight, or at once while it waits for other workers; it gives its
     * partition back at its watermark and returns.
     */
    public void cancel() {
        cancelled = true;
        cancelRequested.countDown();
    }

    /** The run's totals now, and what it waits for when it waits. */
    public MigrationProgress progress() {
        PartitionLedger.Tally now = tally;
        return new MigrationProgress(
                job.jobId(),
                now.done(),
                now.total(),
                totals.counts(),
                totals.logsPerSecond(),
                totals.elapsed(),
                waitingFor,
                giveUpAt);
    }

    private void runPartitions(PartitionWorker worker) {
        HeldPartitionWait wait = null;
        while (!cancelled) {
            Instant now = clock.instant();
            long nowNanos = System.nanoTime();
            Optional<ClaimedPartition> claim = ledger.claim(job.owner(), now, job.lease());
            if (claim.isPresent()) {
                endWait(wait);
                wait = null;
                process(worker, claim.get());
                continue;
            }
            List<PartitionStatus> unfinished = ledger.unfinished();
            tally = ledger.tally();
            if (unfinished.isEmpty()) {
                endWait(wait);
                return;
            }
            // Leases are kept to the millisecond, and a claim takes only one that ended before now.
            Instant nowInMillis = now.truncatedTo(ChronoUnit.MILLIS);
            List<PartitionStatus> held = unfinished.stream()
                    .filter(status -> status.state() == PartitionState.CLAIMED
                            && status.leaseExpiresAt() != null
                            && !status.leaseExpiresAt().isBefore(nowInMillis))
                    .toList();
            if (held.size() < unfinished.size()) {
                // Given back or lapsed since the claim was tried: claim again.
                continue;
            }
            if (wait == null) {
                wait = new HeldPartitionWait(now, nowNanos, job.waitForHeld(), job.lease());
            }
            wait.observe(held);
            if (wait.givesUp(now)) {
                heldByOthers = wait.held();
                endWait(wait);
                return;
            }
            waitingFor = wait.held();
            giveUpAt = wait.giveUpAt();
            reportProgress();
            pause(wait.pause(now));
        }
        if (wait != null) {
            heldByOthers = wait.held();
            endWait(wait);
        }
    }

    private void process(PartitionWorker worker, ClaimedPartition claim) {
        PartitionWorker.Result result = worker.process(claim);
        if (result.ending() == PartitionWorker.Ending.COMPLETED) {
            partitionsByThisWorker++;
            tally = ledger.tally();
            notify(() -> listener.onPartitionDone(
                    claim.partition(), result.checkpoint().counts()));
            reportProgress();
        } else if (result.ending() == PartitionWorker.Ending.LEASE_LOST) {
            LOG.warn(
                    "Job {}: worker {} lost its claim on partition {} to another worker",
                    job.jobId(),
                    job.owner(),
                    claim.partition());
        }
    }

    private void endWait(@Nullable HeldPartitionWait wait) {
        if (wait != null) {
            waitedForHeld = waitedForHeld.plus(wait.waited());
            waitingFor = List.of();
            giveUpAt = null;
        }
    }

    /** Pauses, waking at once when the run is cancelled. */
    private void pause(Duration duration) {
        try {
            cancelRequested.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException(
                    "Interrupted while waiting for partitions other workers hold; run the job again to resume", e);
        }
    }

    private void reportProgress() {
        notify(() -> listener.onProgress(progress()));
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("Job {}: a migration listener failed; the run goes on", job.jobId(), e);
        }
    }

    private MigrationSummary summary() {
        RequestCounts requests = gate.counts();
        PartitionCounts counts = totals.counts();
        RequestCounts priced = job.dryRun() ? requests.plus(target.writeCost().times(counts.migrated())) : requests;
        PartitionLedger.Tally now = tally;
        return new MigrationSummary(
                job.jobId(),
                job.owner(),
                source.name(),
                target.name(),
                job.dryRun(),
                cancelled,
                now.total() > 0 && now.done() == now.total(),
                now.done(),
                now.total(),
                partitionsByThisWorker,
                heldByOthers,
                waitedForHeld,
                counts,
                requests,
                CostEstimate.of(priced, totals.storedBytes()),
                totals.elapsed(),
                totals.logsPerSecond(),
                quarantine instanceof MemoryQuarantine memory ? memory.entries() : List.of());
    }
}
