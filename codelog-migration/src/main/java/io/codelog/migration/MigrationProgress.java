package io.codelog.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A running job as one worker sees it, for a progress display.
 *
 * @param jobId the job
 * @param partitionsDone the job's partitions done, by any worker, when last counted
 * @param partitionsTotal the job's partitions
 * @param counts what this worker did so far
 * @param logsPerSecond entries this worker read per second since it started
 * @param elapsed how long this worker has been running
 * @param waitingFor the partitions other workers hold that this worker, with nothing left to claim, is waiting for;
 *     empty while it copies
 * @param giveUpAt when this worker stops waiting for partitions whose leases their live owners keep renewing, or
 *     null when it waits for none of those
 */
public record MigrationProgress(
        String jobId,
        long partitionsDone,
        long partitionsTotal,
        PartitionCounts counts,
        double logsPerSecond,
        Duration elapsed,
        List<HeldPartition> waitingFor,
        @Nullable Instant giveUpAt) {

    /** Copies the partitions waited for, so that the progress stays immutable. */
    public MigrationProgress {
        waitingFor = List.copyOf(waitingFor);
    }

    /** The progress of a worker that is not waiting for anything. */
    public MigrationProgress(
            String jobId,
            long partitionsDone,
            long partitionsTotal,
            PartitionCounts counts,
            double logsPerSecond,
            Duration elapsed) {
        this(jobId, partitionsDone, partitionsTotal, counts, logsPerSecond, elapsed, List.of(), null);
    }
}
