package io.codelog.core;

/**
 * Thrown by {@link CodeLogRepository#create} when a log with the id already exists: create never replaces a
 * log. {@link CodeLogRepository#put} is the call that writes over one.
 */
public class CodeLogAlreadyExistsException extends CodeLogException {

    private final String id;

    /** @param id the id that is taken */
    public CodeLogAlreadyExistsException(String id) {
        super("A code log with id " + id + " already exists (omit the id to have a new one assigned, or use put to"
                + " replace the log)");
        this.id = id;
    }

    /** The id that is taken. */
    public String id() {
        return id;
    }
}
