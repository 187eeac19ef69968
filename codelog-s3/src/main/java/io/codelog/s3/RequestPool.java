package io.codelog.s3;

import io.codelog.core.CodeLogStorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the independent S3 requests of one call in parallel on a bounded pool of daemon threads named
 * {@code codelog-s3-N}. Tasks never submit to the pool themselves, so waiting on them cannot deadlock.
 */
final class RequestPool implements AutoCloseable {

    private static final long IDLE_SECONDS = 10;

    private final ThreadPoolExecutor executor;

    RequestPool(int threads) {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "codelog-s3-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        executor = new ThreadPoolExecutor(
                threads, threads, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Applies the task to every item in parallel and returns the results in item order. The first failure
     * cancels the tasks not yet started and is rethrown as it was.
     */
    <T, R> List<R> map(String operation, List<T> items, Function<T, R> task) {
        if (items.size() <= 1) {
            return items.stream().map(task).toList();
        }
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(executor.submit(() -> task.apply(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        try {
            for (Future<R> future : futures) {
                results.add(await(operation, future));
            }
        } finally {
            futures.forEach(future -> future.cancel(false));
        }
        return results;
    }

    /** Starts a task; {@link #await} its result. */
    <R> Future<R> submit(Callable<R> task) {
        return executor.submit(task);
    }

    /** The task's result, or its failure rethrown as it was. */
    static <R> R await(String operation, Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodeLogStorageException("s3", operation, "interrupted while waiting for S3 requests", e);
        } catch (CancellationException e) {
            throw new CodeLogStorageException("s3", operation, "an S3 request was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CodeLogStorageException("s3", operation, "an S3 request failed: " + cause, cause);
        }
    }

    /** Stops the threads; requests already running finish. */
    @Override
    public void close() {
        executor.shutdown();
    }
}
