package io.codelog.migration;

import org.jspecify.annotations.Nullable;

/**
 * One log on which source and target disagree. Names fields, never their values.
 *
 * @param kind how they disagree
 * @param partition the source partition
 * @param sourceKey the source's name for the entry (document {@code _id} or S3 key)
 * @param logId the log id, or null when the source entry is unreadable
 * @param detail the fields that differ, or why an entry is unreadable
 */
public record Difference(
        Kind kind,
        String partition,
        String sourceKey,
        @Nullable String logId,
        String detail) {

    /** How source and target disagree on a log. */
    public enum Kind {
        /** The target has no log of this id. */
        MISSING_IN_TARGET,
        /** The target's log of this id has another canonical JSON. */
        DIFFERENT,
        /** The source entry is not a readable log. */
        UNREADABLE_SOURCE,
        /** The target holds something under this id that is not a readable log. */
        UNREADABLE_TARGET
    }
}
