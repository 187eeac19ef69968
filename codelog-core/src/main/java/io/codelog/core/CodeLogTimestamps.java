package io.codelog.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the timestamps of the JSON form. Reads RFC 3339 with any offset and up to nine fractional
 * digits (Go's {@code time.Time}), Python's {@code isoformat()} with or without an offset (no offset means
 * UTC) and a space instead of {@code T}; writes UTC RFC 3339 with as many fractional digits as the instant
 * needs, in groups of three.
 */
public final class CodeLogTimestamps {

    /** Go's zero {@code time.Time}, which its JSON encoder writes for a time never set. */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private CodeLogTimestamps() {}

    /** The RFC 3339 UTC form of an instant, e.g. {@code 2024-12-10T18:04:05.123456Z}. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /**
     * Parses a stored timestamp.
     *
     * @return the instant, or null for Go's zero time
     * @throws MalformedCodeLogException naming the field when the text is not a timestamp
     */
    public static @Nullable Instant parse(String field, @Nullable String text) {
        if (text == null) {
            throw new MalformedCodeLogException(field + " is missing");
        }
        String normalized =
                text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        Instant instant;
        try {
            instant = hasOffset(normalized)
                    ? OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            .toInstant()
                    : LocalDateTime.parse(normalized, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                            .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new MalformedCodeLogException(field + " is not an RFC 3339 timestamp", e);
        }
        return GO_ZERO_TIME.equals(instant) ? null : instant;
    }

    private static boolean hasOffset(String text) {
        if (text.endsWith("Z") || text.endsWith("z")) {
            return true;
        }
        int timeStart = text.indexOf('T');
        return timeStart >= 0 && (text.indexOf('+', timeStart) >= 0 || text.indexOf('-', timeStart) >= 0);
    }
}
