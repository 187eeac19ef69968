package io.codelog.it.history;

/** How an invocation ended, as far as its caller can tell. */
public enum Outcome {
    /** Returned a value: the operation took effect as the value says. */
    OK,
    /**
     * Refused with an answer that changes nothing: {@code CodeLogAlreadyExistsException} from a create, {@code
     * CodeLogNotFoundException} from an update.
     */
    REJECTED,
    /** Threw a storage failure: a write may or may not have taken effect. */
    FAILED,
    /** Threw a storage failure caused by a timeout: a write may or may not have taken effect. */
    TIMED_OUT;

    /** Whether the store gave an answer, a value or a refusal. */
    public boolean acknowledged() {
        return this == OK || this == REJECTED;
    }

    /** Whether a write that ended so may or may not have taken effect. */
    public boolean indeterminate() {
        return this == FAILED || this == TIMED_OUT;
    }
}
