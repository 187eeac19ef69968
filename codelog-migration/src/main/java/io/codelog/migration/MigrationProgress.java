package io.codelog.migration;

import java.time.Duration;

/**
 * A running job as one worker sees it, for a progress display.
 *
 * @param jobId the job
 * @param partitionsDone the job's partitions done, by any worker, when last counted
 * @param partitionsTotal the job's partitions
 * @param counts what this worker did so far
 * @param logsPerSecond entries this worker read per second since it started
 * @param elapsed how long this worker has been running
 */
public record MigrationProgress(
        String jobId,
        long partitionsDone,
        long partitionsTotal,
        PartitionCounts counts,
        double logsPerSecond,
        Duration elapsed) {}
