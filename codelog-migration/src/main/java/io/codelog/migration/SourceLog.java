package io.codelog.migration;

import io.codelog.core.CodeLog;
import org.jspecify.annotations.Nullable;

/**
 * What reading one {@link SourceEntry} gave: the log, or why it is not a readable log.
 *
 * @param entry the entry read
 * @param log the log, or null when unreadable
 * @param problem why the entry is unreadable (never its content), or null when {@code log} is set
 */
record SourceLog(
        SourceEntry entry, @Nullable CodeLog log, @Nullable String problem) {

    /** A readable entry. */
    static SourceLog readable(SourceEntry entry, CodeLog log) {
        return new SourceLog(entry, log, null);
    }

    /** An entry that is not a readable log, and why. */
    static SourceLog unreadable(SourceEntry entry, String problem) {
        return new SourceLog(entry, null, problem);
    }

    /** Whether the entry held a readable log. */
    boolean isReadable() {
        return log != null;
    }
}
