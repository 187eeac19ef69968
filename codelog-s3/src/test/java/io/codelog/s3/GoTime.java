package io.codelog.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the Go and Python writers render times and strings, for tests that write their objects. */
final class GoTime {

    private GoTime() {}

    /**
     * Go's {@code time.Time} in JSON (RFC 3339 with up to nine fractional digits, trailing zeros dropped) or
     * {@code Format(time.RFC3339)} (no fraction), at a fixed offset.
     */
    static String format(Instant instant, String offset, boolean withFraction) {
        String pattern = "yyyy-MM-dd'T'HH:mm:ss";
        String base = DateTimeFormatter.ofPattern(pattern).format(instant.atOffset(ZoneOffset.of(offset)));
        String fraction = "";
        if (withFraction && instant.getNano() != 0) {
            fraction = "." + String.format("%09d", instant.getNano()).replaceAll("0+$", "");
        }
        return base + fraction + offset;
    }

    /** Go's encoding/json string escaping: HTML characters as \\u003c, \\u003e, \\u0026. */
    static String goJsonEscape(String text) {
        return jsonEscape(text, false)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }

    /** Python's json.dumps escaping with ensure_ascii: everything beyond ASCII as \\uXXXX. */
    static String asciiJsonEscape(String text) {
        return jsonEscape(text, true);
    }

    private static String jsonEscape(String text, boolean asciiOnly) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (asciiOnly && c > 0x7e)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
