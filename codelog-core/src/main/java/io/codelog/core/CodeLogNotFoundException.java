package io.codelog.core;

/** Thrown when an operation needs an existing log and no log has the given id. */
public class CodeLogNotFoundException extends CodeLogException {

    private final String id;

    public CodeLogNotFoundException(String id) {
        super("No code log with id " + id);
        this.id = id;
    }

    /** The id that was not found. */
    public String id() {
        return id;
    }
}
