package io.codelog.core;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The level of one code log line. Written in JSON and BSON as the lower-case names the Go service and the
 * Python engine use: {@code "debug"}, {@code "info"}, {@code "error"}.
 */
public enum LogType {
    DEBUG,
    INFO,
    ERROR;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name stored in JSON documents, BSON documents and S3 metadata. */
    public String wireName() {
        return wireName;
    }

    /**
     * Reads a stored level, ignoring case.
     *
     * @throws InvalidCodeLogException naming {@code type} when the value is not a known level
     */
    public static LogType fromWireName(@Nullable String value) {
        if (value != null) {
            // Locale.ROOT lower-casing, unlike equalsIgnoreCase, does not fold look-alikes such as "ınfo" to ASCII.
            String lower = value.toLowerCase(Locale.ROOT);
            for (LogType type : values()) {
                if (type.wireName.equals(lower)) {
                    return type;
                }
            }
        }
        throw new InvalidCodeLogException("type", "must be one of debug, info, error");
    }
}
