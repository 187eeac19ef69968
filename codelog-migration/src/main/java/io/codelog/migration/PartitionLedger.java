package io.codelog.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The partitions of one job and who holds which: claims with a lease, checkpoints that renew it, completion.
 * Every change by a worker is conditional on it still holding the claim.
 */
interface PartitionLedger {

    /** Records the job and its partitions (as pending) unless they are recorded already. */
    void register(JobDefinition job, List<String> partitions);

    /** Claims the oldest pending partition, or one whose lease expired before {@code now}. */
    Optional<ClaimedPartition> claim(String owner, Instant now, Duration lease);

    /**
     * Saves progress and renews the lease.
     *
     * @return false when the claim was lost to another worker
     */
    boolean checkpoint(String partition, String owner, Checkpoint checkpoint, Instant now, Duration lease);

    /**
     * Marks the partition done.
     *
     * @return false when the claim was lost to another worker
     */
    boolean complete(String partition, String owner, Checkpoint checkpoint, Instant now);

    /** Saves progress and gives the partition back for any worker to claim at once. */
    void release(String partition, String owner, Checkpoint checkpoint, Instant now);

    /** Every partition of the job not done yet, pending or claimed, oldest first. */
    List<PartitionStatus> unfinished();

    /** How many partitions the job has, and how many are done. */
    Tally tally();

    /**
     * Partition totals of a job.
     *
     * @param total every partition
     * @param done partitions done
     */
    record Tally(long total, long done) {}
}
