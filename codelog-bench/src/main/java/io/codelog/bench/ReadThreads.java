package io.codelog.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The shared pool of daemon threads on which a baseline runs the parallel GETs of one call, sized like
 * codelog's own request pool so that both read with the same parallelism.
 */
final class ReadThreads implements AutoCloseable {

    private final ExecutorService threads;

    ReadThreads(int size) {
        threads = Executors.newFixedThreadPool(size, task -> {
            Thread thread = new Thread(task, "codelog-bench-read");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a read. */
    <T> Future<T> submit(Callable<T> read) {
        return threads.submit(read);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
