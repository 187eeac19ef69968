package io.codelog.migration;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One migration job as one worker runs it. Workers given the same {@code jobId} share its day partitions; they
 * must agree on the source, target and days, and each needs its own {@code owner}.
 *
 * @param jobId names the job's checkpoints and quarantine: 1 to 100 of {@code [A-Za-z0-9._:-]}
 * @param from the first UTC day of createdAt to copy
 * @param toExclusive the UTC day after the last one to copy
 * @param concurrency how many logs are copied in parallel, 1 to {@value #MAX_CONCURRENCY}
 * @param maxRequestsPerSecond the most store requests per second for this worker (source reads, target checks
 *     and writes, listings), or 0 for no limit
 * @param batchSize how many entries one source round trip fetches, 1 to 1,000 (also bounds memory)
 * @param checkpointEvery after how many logs progress is saved (and the lease renewed), at least 1
 * @param lease how long a claim holds without renewal; a worker renews it every third of it
 * @param waitForHeld how long a worker that finds nothing left to claim waits for partitions that other workers
 *     hold under a lease they keep renewing (live workers); a lease that is not renewed (a dead worker's) is
 *     waited out until it lapses, whatever this says, and the partition taken over. {@link Duration#ZERO}: wait
 *     for nothing and end at once, the job not complete while other workers hold partitions
 * @param dryRun whether to read and check only: nothing is written to the target, the checkpoints or the
 *     quarantine, and the summary estimates what a real run would cost
 * @param includeUndated whether the source's logs without a usable createdAt (MongoDB only) are swept too, to be
 *     quarantined
 * @param owner this worker's name in the checkpoints, unique among the job's workers
 */
public record MigrationJob(
        String jobId,
        LocalDate from,
        LocalDate toExclusive,
        int concurrency,
        double maxRequestsPerSecond,
        int batchSize,
        int checkpointEvery,
        Duration lease,
        Duration waitForHeld,
        boolean dryRun,
        boolean includeUndated,
        String owner) {

    /** The most logs copied in parallel by one worker. */
    public static final int MAX_CONCURRENCY = 256;
    /** The default parallelism. */
    public static final int DEFAULT_CONCURRENCY = 16;
    /** The default source batch. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** The default checkpoint interval in logs. */
    public static final int DEFAULT_CHECKPOINT_EVERY = 1_000;
    /** The default lease. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
    /** The default wait for partitions held by live workers. */
    public static final Duration DEFAULT_WAIT_FOR_HELD = Duration.ofMinutes(10);

    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** @throws IllegalArgumentException naming the rule a value breaks */
    public MigrationJob {
        checkJobId(jobId);
        Objects.requireNonNull(from, "from is required");
        Objects.requireNonNull(toExclusive, "toExclusive is required");
        if (!from.isBefore(toExclusive)) {
            throw new IllegalArgumentException("from (" + from + ") must be before toExclusive (" + toExclusive + ")");
        }
        if (from.plusDays(DayRange.MAX_DAYS).isBefore(toExclusive)) {
            throw new IllegalArgumentException("a job covers at most " + DayRange.MAX_DAYS + " days");
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "concurrency must be from 1 to " + MAX_CONCURRENCY + ", was " + concurrency);
        }
        if (!(maxRequestsPerSecond >= 0) || Double.isInfinite(maxRequestsPerSecond)) {
            throw new IllegalArgumentException(
                    "maxRequestsPerSecond must be 0 (no limit) or more, was " + maxRequestsPerSecond);
        }
        if (batchSize < 1 || batchSize > 1_000) {
            throw new IllegalArgumentException("batchSize must be from 1 to 1000, was " + batchSize);
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be 1 or more, was " + checkpointEvery);
        }
        if (lease == null || lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("lease must be at least 3 seconds, was " + lease);
        }
        if (waitForHeld == null || waitForHeld.isNegative()) {
            throw new IllegalArgumentException("waitForHeld must be zero (no wait) or more, was " + waitForHeld);
        }
        if (owner == null || owner.isBlank() || owner.length() > 200) {
            throw new IllegalArgumentException("owner must be 1 to 200 characters");
        }
    }

    /** A job over the days [from, toExclusive) with the defaults and a new owner name for this worker. */
    public static MigrationJob of(String jobId, LocalDate from, LocalDate toExclusive) {
        return new MigrationJob(
                jobId,
                from,
                toExclusive,
                DEFAULT_CONCURRENCY,
                0,
                DEFAULT_BATCH_SIZE,
                DEFAULT_CHECKPOINT_EVERY,
                DEFAULT_LEASE,
                DEFAULT_WAIT_FOR_HELD,
                false,
                true,
                newOwner());
    }

    /** A worker name unique enough among the workers of a job: process id and random digits. */
    public static String newOwner() {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return "worker-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }

    /**
     * The job id, checked.
     *
     * @throws IllegalArgumentException when it is not 1 to 100 of {@code [A-Za-z0-9._:-]}
     */
    static String checkJobId(String jobId) {
        if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("jobId must be 1 to 100 characters of [A-Za-z0-9._:-]");
        }
        return jobId;
    }

    /** This job with another parallelism. */
    public MigrationJob withConcurrency(int value) {
        return new Copy(this).concurrency(value);
    }

    /** This job with another request rate limit (0 for none). */
    public MigrationJob withMaxRequestsPerSecond(double value) {
        return new Copy(this).maxRequestsPerSecond(value);
    }

    /** This job with another source batch size. */
    public MigrationJob withBatchSize(int value) {
        return new Copy(this).batchSize(value);
    }

    /** This job with another checkpoint interval. */
    public MigrationJob withCheckpointEvery(int value) {
        return new Copy(this).checkpointEvery(value);
    }

    /** This job with another lease. */
    public MigrationJob withLease(Duration value) {
        return new Copy(this).lease(value);
    }

    /** This job with another wait for partitions held by live workers ({@link Duration#ZERO}: no wait). */
    public MigrationJob withWaitForHeld(Duration value) {
        return new Copy(this).waitForHeld(value);
    }

    /** This job as a dry run or not. */
    public MigrationJob withDryRun(boolean value) {
        return new Copy(this).dryRun(value);
    }

    /** This job with the undated sweep on or off. */
    public MigrationJob withIncludeUndated(boolean value) {
        return new Copy(this).includeUndated(value);
    }

    /** This job run by another worker name. */
    public MigrationJob withOwner(String value) {
        return new Copy(this).owner(value);
    }

    /** A copy of a job with one component changed, so that each wither names only what it changes. */
    private static final class Copy {

        private String jobId;
        private LocalDate from;
        private LocalDate toExclusive;
        private int concurrency;
        private double maxRequestsPerSecond;
        private int batchSize;
        private int checkpointEvery;
        private Duration lease;
        private Duration waitForHeld;
        private boolean dryRun;
        private boolean includeUndated;
        private String owner;

        Copy(MigrationJob job) {
            jobId = job.jobId;
            from = job.from;
            toExclusive = job.toExclusive;
            concurrency = job.concurrency;
            maxRequestsPerSecond = job.maxRequestsPerSecond;
            batchSize = job.batchSize;
            checkpointEvery = job.checkpointEvery;
            lease = job.lease;
            waitForHeld = job.waitForHeld;
            dryRun = job.dryRun;
            includeUndated = job.includeUndated;
            owner = job.owner;
        }

        MigrationJob concurrency(int value) {
            concurrency = value;
            return build();
        }

        MigrationJob maxRequestsPerSecond(double value) {
            maxRequestsPerSecond = value;
            return build();
        }

        MigrationJob batchSize(int value) {
            batchSize = value;
            return build();
        }

        MigrationJob checkpointEvery(int value) {
            checkpointEvery = value;
            return build();
        }

        MigrationJob lease(Duration value) {
            lease = value;
            return build();
        }

        MigrationJob waitForHeld(Duration value) {
            waitForHeld = value;
            return build();
        }

        MigrationJob dryRun(boolean value) {
            dryRun = value;
            return build();
        }

        MigrationJob includeUndated(boolean value) {
            includeUndated = value;
            return build();
        }

        MigrationJob owner(String value) {
            owner = value;
            return build();
        }

        private MigrationJob build() {
            return new MigrationJob(
                    jobId,
                    from,
                    toExclusive,
                    concurrency,
                    maxRequestsPerSecond,
                    batchSize,
                    checkpointEvery,
                    lease,
                    waitForHeld,
                    dryRun,
                    includeUndated,
                    owner);
        }
    }
}
