package io.codelog.migration;

import java.time.Duration;
import java.util.List;

/**
 * What one worker's run of a job did, ready to print as JSON with {@link #toJson()}.
 *
 * @param jobId the job
 * @param owner the worker
 * @param source the source store
 * @param target the target store
 * @param dryRun whether nothing was written
 * @param cancelled whether the run was cancelled before it ran out of partitions
 * @param complete whether every partition of the job is done (by this worker or others)
 * @param partitionsDone the job's partitions done, by any worker
 * @param partitionsTotal the job's partitions
 * @param partitionsByThisWorker partitions this worker finished
 * @param heldByOthers the partitions other workers still held when this worker stopped waiting for them: its wait
 *     for live workers ran out, it was told not to wait, or it was cancelled while it waited; empty otherwise
 * @param waitedForHeld how long this worker waited for partitions other workers held
 * @param counts what this worker did; in a dry run {@code migrated} counts the logs that would be written
 * @param requests the requests this worker made
 * @param estimate the price of this run's requests and written bytes; for a dry run, of a real run (the
 *     requests made plus the writes it would make)
 * @param elapsed how long the run took
 * @param logsPerSecond entries read per second
 * @param quarantineSample in a dry run, the first quarantined entries (a real run stores them all in the
 *     quarantine collection)
 */
public record MigrationSummary(
        String jobId,
        String owner,
        String source,
        String target,
        boolean dryRun,
        boolean cancelled,
        boolean complete,
        long partitionsDone,
        long partitionsTotal,
        long partitionsByThisWorker,
        List<HeldPartition> heldByOthers,
        Duration waitedForHeld,
        PartitionCounts counts,
        RequestCounts requests,
        CostEstimate estimate,
        Duration elapsed,
        double logsPerSecond,
        List<QuarantineEntry> quarantineSample) {

    /** Copies the lists, so that the summary stays immutable. */
    public MigrationSummary {
        heldByOthers = List.copyOf(heldByOthers);
        quarantineSample = List.copyOf(quarantineSample);
    }

    /** This summary as one JSON object (field names in snake case, durations in seconds). */
    public String toJson() {
        return SummaryJson.write(this);
    }
}
