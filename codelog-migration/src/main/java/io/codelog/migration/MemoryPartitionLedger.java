package io.codelog.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The partitions of a dry run, held by the one worker that runs it and never stored. */
final class MemoryPartitionLedger implements PartitionLedger {

    private final Deque<String> pending = new ArrayDeque<>();
    private String jobId;
    private long total;
    private long done;

    @Override
    public synchronized void register(JobDefinition job, List<String> partitions) {
        jobId = job.jobId();
        pending.clear();
        pending.addAll(partitions);
        total = partitions.size();
        done = 0;
    }

    @Override
    public synchronized Optional<ClaimedPartition> claim(String owner, Instant now, Duration lease) {
        String next = pending.pollFirst();
        return next == null
                ? Optional.empty()
                : Optional.of(new ClaimedPartition(next, new Checkpoint(null, null, PartitionCounts.ZERO), 1));
    }

    @Override
    public boolean checkpoint(String partition, String owner, Checkpoint checkpoint, Instant now, Duration lease) {
        return true;
    }

    @Override
    public synchronized boolean complete(String partition, String owner, Checkpoint checkpoint, Instant now) {
        done++;
        return true;
    }

    /** A dry run that stops is not resumed: the partition is simply left out. */
    @Override
    public void release(String partition, String owner, Checkpoint checkpoint, Instant now) {}

    /** Only pending partitions: the one worker of a dry run holds a partition only while it copies it. */
    @Override
    public synchronized List<PartitionStatus> unfinished() {
        return pending.stream()
                .map(partition -> new PartitionStatus(
                        jobId, partition, PartitionState.PENDING, null, null, 0, PartitionCounts.ZERO, null, null))
                .toList();
    }

    @Override
    public synchronized Tally tally() {
        return new Tally(total, done);
    }
}
