package io.codelog.migration;

import io.codelog.core.CodeLog;
import io.codelog.core.MalformedCodeLogException;
import java.util.Optional;

/**
 * A store the engine copies logs to. Every method is called from many threads at once and announces each
 * request to the given {@link RequestGate} before sending it.
 */
interface LogTarget {

    /** A short name of the store, e.g. {@code s3} or {@code mongo}. */
    String name();

    /**
     * A checker for one pass, whose requests go through the gate: it tells whether the store already holds
     * exactly a log, reading no more than it must.
     */
    TargetChecker checker(RequestGate gate);

    /** Writes the log whole, as {@link io.codelog.core.CodeLogRepository#put} does. */
    void write(CodeLog log, RequestGate gate);

    /** The requests one {@link #write} makes, for estimates. */
    RequestCounts writeCost();

    /** The bytes one {@link #write} of this log stores, for estimates. */
    long storedBytes(CodeLog log);

    /**
     * The stored log with this id, as the store's {@code findById} reads it.
     *
     * @throws io.codelog.core.MalformedCodeLogException when the stored log is unreadable
     */
    Optional<CodeLog> read(String id, RequestGate gate);

    /**
     * Reads the log's copy now, as the store reads it, just before the source of a log found equal is deleted: a
     * live read, never what a checker remembered from its pass, so that a copy deleted, replaced or made unreadable
     * since, or one the store cannot read at all, keeps its source. By default the store's {@code findById} through
     * {@link #read}, compared by the hash of the canonical JSON.
     */
    default LiveCheck checkLive(CodeLog log, RequestGate gate) {
        Optional<CodeLog> stored;
        try {
            stored = read(log.id(), gate);
        } catch (MalformedCodeLogException e) {
            return LiveCheck.unreadable(e.reason());
        }
        if (stored.isEmpty()) {
            return LiveCheck.missing();
        }
        return LogHash.same(log, stored.get())
                ? LiveCheck.passed()
                : LiveCheck.different(LogHash.differingFields(log, stored.get()));
    }
}
