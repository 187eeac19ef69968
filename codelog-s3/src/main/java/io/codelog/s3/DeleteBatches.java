package io.codelog.s3;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Collects keys into DeleteObjects requests of up to 1,000 keys, keeping the keys of one log in the same
 * request, and sends full requests in parallel with at most {@code maxInFlight} outstanding.
 */
final class DeleteBatches {

    private final S3Calls calls;
    private final RequestPool pool;
    private final String operation;
    private final int maxInFlight;
    private final Deque<Future<Void>> inFlight = new ArrayDeque<>();
    private List<String> current = new ArrayList<>();

    DeleteBatches(S3Calls calls, RequestPool pool, String operation, int maxInFlight) {
        this.calls = calls;
        this.pool = pool;
        this.operation = operation;
        this.maxInFlight = maxInFlight;
    }

    /** Adds the keys of one log; they go in the same request. */
    void add(List<String> keysOfOneLog) {
        if (current.size() + keysOfOneLog.size() > S3Calls.MAX_DELETE_BATCH) {
            send();
        }
        current.addAll(keysOfOneLog);
    }

    /** Sends what is left and waits for every request; rethrows the first failure. */
    void finish() {
        if (!current.isEmpty()) {
            send();
        }
        while (!inFlight.isEmpty()) {
            RequestPool.await(operation, inFlight.removeFirst());
        }
    }

    private void send() {
        List<String> batch = current;
        current = new ArrayList<>();
        if (inFlight.size() >= maxInFlight) {
            RequestPool.await(operation, inFlight.removeFirst());
        }
        inFlight.addLast(pool.submit(() -> {
            calls.delete(operation, batch);
            return null;
        }));
    }
}
