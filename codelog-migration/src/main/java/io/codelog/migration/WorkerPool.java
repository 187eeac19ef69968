package io.codelog.migration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of threads with a queue of bounded length: {@link #submit} blocks while {@code 2 × threads}
 * tasks are queued or running, so a fast reader cannot outrun slow writes and memory stays bounded.
 */
final class WorkerPool implements AutoCloseable {

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
        acquire(1);
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
        acquire(size);
        slots.release(size);
    }

    private void acquire(int permits) {
        try {
            slots.acquire(permits);
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
