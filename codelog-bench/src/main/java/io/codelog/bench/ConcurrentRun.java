package io.codelog.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs {@code ops} calls of an operation on a fixed number of threads and measures the throughput. The same
 * threads serve codelog and its raw counterpart, so both see the same concurrency.
 */
final class ConcurrentRun implements AutoCloseable {

    private final int concurrency;
    private final ExecutorService threads;

    ConcurrentRun(int concurrency) {
        this.concurrency = concurrency;
        this.threads = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "codelog-bench-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** How many operations run at once. */
    int concurrency() {
        return concurrency;
    }

    /**
     * Calls {@code operation} with 0 to {@code ops - 1}, {@code concurrency} at a time.
     *
     * @return operations per second over the wall time of the whole run
     * @throws IllegalStateException when an operation failed, with that failure as cause
     */
    double opsPerSecond(int ops, IntConsumer operation) {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < ops; i = next.getAndIncrement()) {
                    operation.accept(i);
                }
            }));
        }
        for (Future<?> worker : workers) {
            await(worker);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return ops / seconds;
    }

    /** Calls the task on every item, {@code concurrency} at a time, and waits for all of them. */
    <T> void forEach(List<T> items, java.util.function.Consumer<T> task) {
        opsPerSecond(items.size(), i -> task.accept(items.get(i)));
    }

    private static void await(Future<?> worker) {
        try {
            worker.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for benchmark workers", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a benchmark operation failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
