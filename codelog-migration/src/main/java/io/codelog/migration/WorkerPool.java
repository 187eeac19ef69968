package io.codelog.migration;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A fixed number of threads with a queue of bounded length: {@link #submit} blocks while {@code 2 × threads}
 * tasks are queued or running, so a fast reader cannot outrun slow writes and memory stays bounded. A caller
 * that must keep something alive while it blocks (a lease) gives a {@link Heartbeat}.
 */
final class WorkerPool implements AutoCloseable {

    /** Work a caller does while {@link #submit} or {@link #awaitIdle} blocks it, e.g. renewing a lease. */
    @FunctionalInterface
    interface Heartbeat {
        /** Does what is due now and returns how long until it is due again. */
        Duration beat();
    }

    private final ExecutorService executor;
    private final Semaphore slots;
    private final int size;

    WorkerPool(int threads, String name) {
        this.size = threads * 2;
        this.slots = new Semaphore(size);
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    /**
     * Runs the task on a pool thread, waiting for a free slot first.
     *
     * @throws MigrationException when interrupted while waiting
     */
    void submit(Runnable task) {
        submit(task, null);
    }

    /**
     * Runs the task on a pool thread, waiting for a free slot first and beating the heartbeat while it waits.
     *
     * @param heartbeat called before the wait and each time it is due again, or null
     * @throws MigrationException when interrupted while waiting
     */
    void submit(Runnable task, @Nullable Heartbeat heartbeat) {
        acquire(1, heartbeat);
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** Waits until every submitted task has finished. */
    void awaitIdle() {
        awaitIdle(null);
    }

    /** Waits until every submitted task has finished, beating the heartbeat (if not null) while it waits. */
    void awaitIdle(@Nullable Heartbeat heartbeat) {
        acquire(size, heartbeat);
        slots.release(size);
    }

    private void acquire(int permits, @Nullable Heartbeat heartbeat) {
        try {
            if (heartbeat == null) {
                slots.acquire(permits);
                return;
            }
            while (!slots.tryAcquire(permits, heartbeat.beat().toNanos(), TimeUnit.NANOSECONDS)) {
                // The heartbeat was due: beat it and wait again.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while waiting for copies in flight; run the job again to resume");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
