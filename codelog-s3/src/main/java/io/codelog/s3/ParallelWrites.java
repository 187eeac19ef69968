package io.codelog.s3;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the second request of a write (a create's log PUT beside its index claim, a put's pointer beside its log)
 * on a thread of its own while the caller sends the first. Each caller has at most one such request in flight, so
 * the threads, daemon threads named {@code codelog-s3-write-N} that end when idle, never outnumber the callers;
 * unlike the read pool, writes are never queued behind each other.
 */
final class ParallelWrites implements AutoCloseable {

    private final ExecutorService executor;

    ParallelWrites() {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "codelog-s3-write-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newCachedThreadPool(factory);
    }

    /** Starts the request; {@link #await} its result. */
    <R> Future<R> start(Callable<R> request) {
        return executor.submit(request);
    }

    /** The request's result, or its failure rethrown as it was. */
    <R> R await(String operation, Future<R> request) {
        return RequestPool.await(operation, request);
    }

    /** Stops the threads; requests already running finish. */
    @Override
    public void close() {
        executor.shutdown();
    }
}
