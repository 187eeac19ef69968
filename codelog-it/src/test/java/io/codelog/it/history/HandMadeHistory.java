package io.codelog.it.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Histories written by hand for the checker's self-test: each call with its start and end as small numbers, a log's
 * createdAt the second of its create's end, and ids ObjectIds of that second.
 */
final class HandMadeHistory {

    static final String RUN = "65f000000000000000000001";
    private static final long EPOCH_SECOND = 1_700_000_000L;

    private final List<Invocation> invocations = new ArrayList<>();
    private long settledAt = Long.MAX_VALUE;

    /** An ObjectId of the second {@code at} after the history's epoch, told apart by {@code n}. */
    static String id(long at, int n) {
        return String.format("%08x%016x", EPOCH_SECOND + at, n);
    }

    /** The log a create ending at {@code end} stored. */
    static Seen log(String id, String content, long createdAt) {
        return new Seen(id, RUN, content, Instant.ofEpochSecond(EPOCH_SECOND + createdAt));
    }

    Invocation createOk(String id, String content, long start, long end) {
        return add(Invocation.returned(
                next(), 0, Call.create(RUN, id, content), start, end, log(id, content, end), null, 0, false));
    }

    /** A create of a generated id that returned it. */
    Invocation createGeneratedOk(String id, String content, long start, long end) {
        return add(Invocation.returned(
                next(), 0, Call.create(RUN, null, content), start, end, log(id, content, end), null, 0, false));
    }

    Invocation create(String id, String content, long start, long end, Outcome outcome) {
        return add(Invocation.threw(next(), 0, Call.create(RUN, id, content), start, end, outcome, "Thrown"));
    }

    Invocation updateOk(String id, String content, long createdAt, long start, long end) {
        return add(Invocation.returned(
                next(), 0, Call.update(id, content), start, end, log(id, content, createdAt), null, 0, false));
    }

    Invocation update(String id, String content, long start, long end, Outcome outcome) {
        return add(Invocation.threw(next(), 0, Call.update(id, content), start, end, outcome, "Thrown"));
    }

    Invocation deleteOk(String id, boolean deleted, long start, long end) {
        return add(Invocation.returned(next(), 0, Call.delete(id), start, end, null, null, 0, deleted));
    }

    Invocation delete(String id, long start, long end, Outcome outcome) {
        return add(Invocation.threw(next(), 0, Call.delete(id), start, end, outcome, "Thrown"));
    }

    Invocation find(String id, Seen found, long start, long end) {
        return add(Invocation.returned(next(), 0, Call.find(id), start, end, found, null, 0, false));
    }

    Invocation page(int limit, int page, long start, long end, Seen... logs) {
        return add(Invocation.returned(
                next(), 0, Call.page(RUN, limit, page), start, end, null, Arrays.asList(logs), 0, false));
    }

    /** A listing of the whole run. */
    Invocation list(long start, long end, Seen... logs) {
        return add(
                Invocation.returned(next(), 0, Call.list(RUN, 1_000), start, end, null, Arrays.asList(logs), 0, false));
    }

    Invocation count(long count, long start, long end) {
        return add(Invocation.returned(next(), 0, Call.count(RUN), start, end, null, null, count, false));
    }

    HandMadeHistory settledAt(long at) {
        settledAt = at;
        return this;
    }

    History history() {
        return new History(0, invocations, settledAt);
    }

    List<Anomaly> check() {
        return HistoryChecker.check(history()).anomalies();
    }

    private long next() {
        return invocations.size();
    }

    private Invocation add(Invocation invocation) {
        invocations.add(invocation);
        return invocation;
    }
}
