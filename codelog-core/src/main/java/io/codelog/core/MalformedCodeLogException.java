package io.codelog.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when stored bytes or a stored document are not a readable code log: not JSON, truncated, missing an
 * identity field, or carrying an invalid id. Listings skip such entries and report them; lookups surface it.
 * The message says what is wrong and where, never the stored content.
 */
public class MalformedCodeLogException extends CodeLogException {

    private final String reason;

    public MalformedCodeLogException(String reason) {
        this(reason, null);
    }

    public MalformedCodeLogException(String reason, @Nullable Throwable cause) {
        super("Unreadable code log: " + reason, cause);
        this.reason = reason;
    }

    /** What is wrong with the stored log, e.g. {@code created_at is missing}. */
    public String reason() {
        return reason;
    }
}
