package io.codelog.autoconfigure;

import io.codelog.core.CodeLogRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes every log older than the retention period, in batches, on one instance of the service at a time (the
 * ShedLock lock {@value #LOCK_NAME}).
 */
public final class CodeLogRetentionCleaner {

    /** The name of the lock that keeps two instances from cleaning at once. */
    public static final String LOCK_NAME = "codelog-retention";

    private static final Logger LOG = LoggerFactory.getLogger(CodeLogRetentionCleaner.class);

    private final CodeLogRepository repository;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final Duration retentionPeriod;
    private final long batchSize;
    private final Duration lockAtMostFor;
    private final Duration lockAtLeastFor;

    /**
     * @param repository the store to clean
     * @param locks runs the cleaning under the lock
     * @param clock gives the cutoff: now minus the retention period
     * @param retentionPeriod how long logs are kept
     * @param batchSize how many logs one deleteOlder call deletes
     * @param lockAtMostFor how long the lock outlives an instance that died while cleaning
     * @param lockAtLeastFor how long the lock is held even when cleaning ends sooner, so that an instance whose
     *     clock or schedule runs a little behind skips the run instead of repeating it
     */
    CodeLogRetentionCleaner(
            CodeLogRepository repository,
            LockingTaskExecutor locks,
            Clock clock,
            Duration retentionPeriod,
            long batchSize,
            Duration lockAtMostFor,
            Duration lockAtLeastFor) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retentionPeriod = Objects.requireNonNull(retentionPeriod, "retentionPeriod");
        this.batchSize = batchSize;
        this.lockAtMostFor = Objects.requireNonNull(lockAtMostFor, "lockAtMostFor");
        this.lockAtLeastFor = Objects.requireNonNull(lockAtLeastFor, "lockAtLeastFor");
    }

    /**
     * Deletes the logs created before now minus the retention period, a batch at a time until a batch comes back
     * short.
     *
     * @return how many logs were deleted, or empty when another instance holds the lock
     */
    public OptionalLong clean() {
        Instant cutoff = clock.instant().minus(retentionPeriod);
        TaskResult<Long> result;
        try {
            // The lock's times are compared with the lock store's clock, ShedLock's own, not the logs' clock.
            result = locks.executeWithLock(
                    () -> deleteBefore(cutoff),
                    new LockConfiguration(ClockProvider.now(), LOCK_NAME, lockAtMostFor, lockAtLeastFor));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("The retention cleaner failed", e);
        }
        if (!result.wasExecuted()) {
            LOG.info("Retention cleaner skipped: another instance holds the lock {}", LOCK_NAME);
            return OptionalLong.empty();
        }
        return OptionalLong.of(result.getResult());
    }

    private long deleteBefore(Instant cutoff) {
        long started = System.nanoTime();
        long total = 0;
        long deleted;
        do {
            deleted = repository.deleteOlder(cutoff, batchSize);
            total += deleted;
        } while (deleted >= batchSize);
        LOG.info(
                "Retention cleaner deleted {} logs created before {} in {} ms",
                total,
                cutoff,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return total;
    }
}
