package io.codelog.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A request to stop, from Ctrl-C or SIGTERM: the command running asks its migration run to stop after the logs
 * in flight, so that the next run resumes from the checkpoint. Thread-safe.
 */
final class Interruption {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicReference<Runnable> onRequest = new AtomicReference<>();

    /** Asks the work in progress, and any started later, to stop. */
    void request() {
        requested.set(true);
        Runnable stop = onRequest.get();
        if (stop != null) {
            stop.run();
        }
    }

    /** Whether a stop was asked for. */
    boolean isRequested() {
        return requested.get();
    }

    /** Runs {@code stop} when a stop is asked for, now if one already was; {@link #clear} forgets it. */
    void onRequest(Runnable stop) {
        onRequest.set(stop);
        if (requested.get()) {
            stop.run();
        }
    }

    /** Forgets the action given to {@link #onRequest}. */
    void clear() {
        onRequest.set(null);
    }
}
