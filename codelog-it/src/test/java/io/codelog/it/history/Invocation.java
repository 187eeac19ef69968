package io.codelog.it.history;

import java.util.List;

/**
 * One call of one client and how it ended, with {@link System#nanoTime()} at its start and end.
 *
 * @param index the call's number in the history, unique
 * @param client the client that made it
 * @param call what was asked
 * @param start when the call started
 * @param end when it returned or threw
 * @param outcome how it ended
 * @param log what a create or update returned, or what findById found (null when it found nothing)
 * @param logs what a listing returned
 * @param count what a count returned
 * @param deleted what a delete returned
 * @param error the simple name of the exception thrown, else null
 */
public record Invocation(
        long index,
        int client,
        Call call,
        long start,
        long end,
        Outcome outcome,
        Seen log,
        List<Seen> logs,
        long count,
        boolean deleted,
        String error) {

    /** An invocation that returned; the result fields that do not apply to the call are null, 0 or false. */
    public static Invocation returned(
            long index,
            int client,
            Call call,
            long start,
            long end,
            Seen log,
            List<Seen> logs,
            long count,
            boolean deleted) {
        return new Invocation(index, client, call, start, end, Outcome.OK, log, logs, count, deleted, null);
    }

    /** An invocation that threw. */
    public static Invocation threw(
            long index, int client, Call call, long start, long end, Outcome outcome, String error) {
        return new Invocation(index, client, call, start, end, outcome, null, null, 0, false, error);
    }

    /** Whether a write that ended so may have changed the store: not when it was refused or found nothing. */
    public boolean mayHaveTakenEffect() {
        if (outcome == Outcome.REJECTED) {
            return false;
        }
        return call.kind() != Call.Kind.DELETE || outcome != Outcome.OK || deleted;
    }

    @Override
    public String toString() {
        String result = switch (outcome) {
            case OK ->
                switch (call.kind()) {
                    case CREATE, UPDATE -> "-> " + log;
                    case FIND -> log == null ? "-> empty" : "-> " + log;
                    case PAGE, LIST -> "-> " + logs.size() + " logs " + logs;
                    case COUNT -> "-> " + count;
                    case DELETE -> "-> " + deleted;
                };
            default -> "-> " + outcome + " " + error;
        };
        return "#" + index + " client " + client + " [" + start + ".." + end + "] " + call + " " + result;
    }
}
