package io.codelog.migration;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A comparison of source and target over a range of UTC days.
 *
 * @param from the first UTC day
 * @param toExclusive the day after the last
 * @param repair whether logs missing or different in the target (or unreadable there) are copied from the source
 * @param deleteSourceAfterVerify whether logs found equal in the target are deleted from the source: each only after a
 *     live read of its copy in the target finds it equal and readable by the target store, and only if the source
 *     still holds exactly what was compared
 * @param concurrency how many logs are compared in parallel, 1 to {@value MigrationJob#MAX_CONCURRENCY}
 * @param maxRequestsPerSecond the most store requests per second, or 0 for no limit
 * @param batchSize how many entries one source round trip fetches, 1 to 1,000
 * @param maxDifferences how many differences the report lists (all are counted)
 */
public record VerifyJob(
        LocalDate from,
        LocalDate toExclusive,
        boolean repair,
        boolean deleteSourceAfterVerify,
        int concurrency,
        double maxRequestsPerSecond,
        int batchSize,
        int maxDifferences) {

    /** The default number of differences listed. */
    public static final int DEFAULT_MAX_DIFFERENCES = 100;

    /** @throws IllegalArgumentException naming the rule a value breaks */
    public VerifyJob {
        Objects.requireNonNull(from, "from is required");
        Objects.requireNonNull(toExclusive, "toExclusive is required");
        if (!from.isBefore(toExclusive)) {
            throw new IllegalArgumentException("from (" + from + ") must be before toExclusive (" + toExclusive + ")");
        }
        if (concurrency < 1 || concurrency > MigrationJob.MAX_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "concurrency must be from 1 to " + MigrationJob.MAX_CONCURRENCY + ", was " + concurrency);
        }
        if (!(maxRequestsPerSecond >= 0) || Double.isInfinite(maxRequestsPerSecond)) {
            throw new IllegalArgumentException(
                    "maxRequestsPerSecond must be 0 (no limit) or more, was " + maxRequestsPerSecond);
        }
        if (batchSize < 1 || batchSize > 1_000) {
            throw new IllegalArgumentException("batchSize must be from 1 to 1000, was " + batchSize);
        }
        if (maxDifferences < 0) {
            throw new IllegalArgumentException("maxDifferences must be 0 or more, was " + maxDifferences);
        }
    }

    /** A read-only comparison of the days [from, toExclusive) with the defaults. */
    public static VerifyJob of(LocalDate from, LocalDate toExclusive) {
        return new VerifyJob(
                from,
                toExclusive,
                false,
                false,
                MigrationJob.DEFAULT_CONCURRENCY,
                0,
                MigrationJob.DEFAULT_BATCH_SIZE,
                DEFAULT_MAX_DIFFERENCES);
    }

    /** This comparison with repair on or off. */
    public VerifyJob withRepair(boolean value) {
        return new VerifyJob(
                from,
                toExclusive,
                value,
                deleteSourceAfterVerify,
                concurrency,
                maxRequestsPerSecond,
                batchSize,
                maxDifferences);
    }

    /** This comparison with deletion from the source of logs verified equal on or off. */
    public VerifyJob withDeleteSourceAfterVerify(boolean value) {
        return new VerifyJob(
                from, toExclusive, repair, value, concurrency, maxRequestsPerSecond, batchSize, maxDifferences);
    }

    /** This comparison with another parallelism. */
    public VerifyJob withConcurrency(int value) {
        return new VerifyJob(
                from,
                toExclusive,
                repair,
                deleteSourceAfterVerify,
                value,
                maxRequestsPerSecond,
                batchSize,
                maxDifferences);
    }

    /** This comparison with another request rate limit (0 for none). */
    public VerifyJob withMaxRequestsPerSecond(double value) {
        return new VerifyJob(
                from, toExclusive, repair, deleteSourceAfterVerify, concurrency, value, batchSize, maxDifferences);
    }

    /** This comparison listing at most this many differences. */
    public VerifyJob withMaxDifferences(int value) {
        return new VerifyJob(
                from,
                toExclusive,
                repair,
                deleteSourceAfterVerify,
                concurrency,
                maxRequestsPerSecond,
                batchSize,
                value);
    }
}
