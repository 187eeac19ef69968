package io.codelog.core;

/** What a store does with content longer than the configured maximum. */
public enum ContentPolicy {
    /** Keep the first characters up to the maximum, never splitting a surrogate pair (the Go service's way). */
    TRUNCATE,
    /** Refuse the log with {@link InvalidCodeLogException}. */
    REJECT
}
