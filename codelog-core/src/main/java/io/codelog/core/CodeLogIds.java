package io.codelog.core;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The id rules every store shares. Log, run and code ids are a 24-hex ObjectId or a canonical UUID, compared
 * in lower case; nothing else is accepted, because ids become S3 key segments and must never escape their
 * prefix.
 */
public final class CodeLogIds {

    private static final int OBJECT_ID_LENGTH = 24;
    private static final int UUID_LENGTH = 36;

    private CodeLogIds() {}

    /**
     * Checks an id and returns it in lower case.
     *
     * @param field the name to report, e.g. {@code run_id}
     * @throws InvalidCodeLogException naming {@code field} when the id is null or not an ObjectId or UUID
     */
    public static String requireValid(String field, @Nullable String id) {
        if (id == null || id.isEmpty()) {
            throw new InvalidCodeLogException(field, "is required (a 24-hex ObjectId or a canonical UUID)");
        }
        if (!isObjectId(id) && !isUuid(id)) {
            throw new InvalidCodeLogException(
                    field, "must be a 24-hex ObjectId or a canonical UUID (got " + describe(id) + ")");
        }
        return toLowerAscii(id);
    }

    /** Like {@link #requireValid} but accepts null, for optional filters. */
    public static @Nullable String requireValidOrNull(String field, @Nullable String id) {
        return id == null ? null : requireValid(field, id);
    }

    /** Whether the value is 24 hexadecimal digits. */
    public static boolean isObjectId(@Nullable String value) {
        if (value == null || value.length() != OBJECT_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < OBJECT_ID_LENGTH; i++) {
            if (!isHex(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the value is a UUID in its canonical 8-4-4-4-12 hexadecimal form. */
    public static boolean isUuid(@Nullable String value) {
        if (value == null || value.length() != UUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = value.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }

    /** The creation second an ObjectId carries in its first four bytes, or empty for a UUID. */
    public static Optional<Instant> objectIdTime(String id) {
        if (!isObjectId(id)) {
            return Optional.empty();
        }
        long seconds = Long.parseLong(id.substring(0, 8), 16);
        return Optional.of(Instant.ofEpochSecond(seconds));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String toLowerAscii(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= 'A' && c <= 'F') {
                return id.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return id;
    }

    private static String describe(String id) {
        return id.length() > 40 ? id.length() + " characters" : "\"" + printable(id) + "\"";
    }

    private static String printable(String id) {
        StringBuilder out = new StringBuilder(id.length());
        id.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || !Character.isDefined(cp) || Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
