package io.codelog.acceptance;

import java.util.List;

/**
 * One machine-readable line on standard output, {@code codelog-acceptance {"step":"create",...}}: a flat JSON
 * object of strings, numbers, booleans and lists of strings.
 */
final class StepLine {

    /** What every step line starts with, so that it stands out from the application's log lines. */
    static final String PREFIX = "codelog-acceptance ";

    private final StringBuilder json = new StringBuilder("{");

    private StepLine(String step) {
        field("step").append(quoted(step));
    }

    /** A line for the step. */
    static StepLine of(String step) {
        return new StepLine(step);
    }

    StepLine put(String name, String value) {
        field(name).append(value == null ? "null" : quoted(value));
        return this;
    }

    StepLine put(String name, long value) {
        field(name).append(value);
        return this;
    }

    StepLine put(String name, boolean value) {
        field(name).append(value);
        return this;
    }

    StepLine put(String name, List<String> values) {
        field(name).append('[');
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ",").append(quoted(values.get(i)));
        }
        json.append(']');
        return this;
    }

    /** Prints the line on standard output at once, so that a waiting reader sees it. */
    void print() {
        System.out.println(this);
        System.out.flush();
    }

    @Override
    public String toString() {
        return PREFIX + json + "}";
    }

    private StringBuilder field(String name) {
        return json.append(json.length() == 1 ? "" : ",").append(quoted(name)).append(':');
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
