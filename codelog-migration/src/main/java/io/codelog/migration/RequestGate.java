package io.codelog.migration;

/**
 * Where a source or target announces each request before it sends it, so that the engine can count it and hold
 * it back to the job's rate limit. Thread-safe.
 */
@FunctionalInterface
interface RequestGate {

    /**
     * Waits until the rate limit lets one more request of this kind go, and counts it.
     *
     * @throws MigrationException when the thread is interrupted while it waits
     */
    void acquire(RequestKind kind);

    /** A gate that neither waits nor counts, for calls made outside a job. */
    static RequestGate open() {
        return kind -> {};
    }
}
