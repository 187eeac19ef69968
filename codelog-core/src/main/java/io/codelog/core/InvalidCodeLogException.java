package io.codelog.core;

/**
 * Thrown before any I/O when an argument breaks the contract's input rules. The message names the field and
 * the rule, never the rejected value in full (it may be hostile or huge).
 */
public class InvalidCodeLogException extends CodeLogException {

    private final String field;

    public InvalidCodeLogException(String field, String rule) {
        super("Invalid " + field + ": " + rule);
        this.field = field;
    }

    /** The name of the invalid field or argument, e.g. {@code run_id} or {@code limit}. */
    public String field() {
        return field;
    }
}
