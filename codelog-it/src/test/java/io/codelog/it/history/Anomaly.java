package io.codelog.it.history;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A result that no order of the history's operations explains, failed and timed-out writes taken either way.
 *
 * @param rule the rule broken
 * @param logId the log it is about, or null for a count
 * @param what what was seen, in words
 * @param involved the operations that show it
 */
public record Anomaly(Rule rule, String logId, String what, List<Invocation> involved) {

    /** The six rules the checker holds every history to. */
    public enum Rule {
        /** An acknowledged create that no later read finds, with no delete of it after it. */
        LOST_CREATE,
        /** A read that returns a log after a delete of it was acknowledged, with no create of it after the delete. */
        READ_AFTER_DELETE,
        /** Content that no acknowledged or pending create or update of that log wrote. */
        UNWRITTEN_CONTENT,
        /** A log listed twice in one listing. */
        DUPLICATE_IN_LISTING,
        /**
         * A page that misses a log that was there throughout and belonged on it, which a count or a full listing in
         * the log's lifetime includes.
         */
        PAGE_MISSES_LOG,
        /** A count smaller than the acknowledged, undeleted creates of the run that ended before it started. */
        COUNT_TOO_SMALL
    }

    @Override
    public String toString() {
        return rule + ": " + what + involved.stream().map(i -> "\n    " + i).collect(Collectors.joining());
    }
}
