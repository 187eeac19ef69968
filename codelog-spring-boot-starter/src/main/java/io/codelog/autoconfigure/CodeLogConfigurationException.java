package io.codelog.autoconfigure;

import io.codelog.core.CodeLogException;

/**
 * Thrown at start-up when codelog's configuration cannot work: it names the property and its environment
 * variable, what is wrong and what to set. Never carries a credential or a connection string.
 */
public class CodeLogConfigurationException extends CodeLogException {

    private final String property;
    private final String description;
    private final String action;

    CodeLogConfigurationException(String property, String description, String action) {
        super(description + " " + action);
        this.property = property;
        this.description = description;
        this.action = action;
    }

    /** The {@code codelog.*} property at fault, e.g. {@code codelog.s3.bucket-name}. */
    public String property() {
        return property;
    }

    /** What is wrong. */
    public String description() {
        return description;
    }

    /** What to set to fix it. */
    public String action() {
        return action;
    }
}
