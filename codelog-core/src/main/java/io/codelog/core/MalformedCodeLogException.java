package io.codelog.core;

/**
 * Thrown when stored bytes or a stored document are not a readable code log: not JSON, truncated, missing an
 * identity field, or carrying an invalid id. Listings skip such entries and report them; lookups surface it.
 */
public class MalformedCodeLogException extends CodeLogException {

    public MalformedCodeLogException(String reason) {
        super("Unreadable code log: " + reason);
    }

    public MalformedCodeLogException(String reason, Throwable cause) {
        super("Unreadable code log: " + reason, cause);
    }
}
