package io.codelog.core;

/**
 * Thrown when the underlying store fails. Names the store and the operation (and, where a store has them,
 * the bucket and key); never carries credentials.
 */
public class CodeLogStorageException extends CodeLogException {

    private final String store;
    private final String operation;

    public CodeLogStorageException(String store, String operation, String detail, Throwable cause) {
        super(store + " " + operation + " failed: " + detail, cause);
        this.store = store;
        this.operation = operation;
    }

    /** The store that failed, e.g. {@code mongo} or {@code s3}. */
    public String store() {
        return store;
    }

    /** The repository operation that failed, e.g. {@code create}. */
    public String operation() {
        return operation;
    }
}
