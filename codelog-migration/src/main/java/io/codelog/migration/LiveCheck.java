package io.codelog.migration;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a live read of a log's copy in the target found, just before the log's source would be deleted: the copy is
 * the log and the target store can read it, or how it is not.
 *
 * @param difference how the copy differs from the log, or null when it passed
 * @param detail what was found (the fields that differ, why the copy is unreadable), never content; empty when it
 *     passed
 */
record LiveCheck(Difference.@Nullable Kind difference, String detail) {

    private static final LiveCheck PASSED = new LiveCheck(null, "");

    /** @throws IllegalArgumentException when the kind is about the source */
    LiveCheck {
        Objects.requireNonNull(detail, "detail");
        if (difference == Difference.Kind.UNREADABLE_SOURCE) {
            throw new IllegalArgumentException("a live check reads the target, not the source");
        }
    }

    /** The copy is the log, and readable. */
    static LiveCheck passed() {
        return PASSED;
    }

    /** The copy is gone. */
    static LiveCheck missing() {
        return new LiveCheck(Difference.Kind.MISSING_IN_TARGET, "gone when read again just before the deletion");
    }

    /** The copy is another log: these fields differ. */
    static LiveCheck different(String fields) {
        return new LiveCheck(Difference.Kind.DIFFERENT, fields + " differ when read again just before the deletion");
    }

    /** The copy cannot be read by the target store, and why. */
    static LiveCheck unreadable(String reason) {
        return new LiveCheck(Difference.Kind.UNREADABLE_TARGET, reason);
    }

    /** Whether the copy is the log and the source may go. */
    boolean isPassed() {
        return difference == null;
    }
}
