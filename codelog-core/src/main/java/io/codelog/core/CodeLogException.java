package io.codelog.core;

import org.jspecify.annotations.Nullable;

/** The root of every exception codelog throws, so a caller can catch them all in one place. */
public abstract class CodeLogException extends RuntimeException {

    protected CodeLogException(String message) {
        super(message);
    }

    protected CodeLogException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
