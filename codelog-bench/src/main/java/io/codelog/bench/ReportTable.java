package io.codelog.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The one table the benchmark prints: a row per measurement, grouped by section in the order added. */
final class ReportTable {

    private static final String[] HEADERS = {"section", "measurement", "codelog", "baseline", "ratio", "target"};

    /**
     * One measurement.
     *
     * @param section the section it belongs to
     * @param measurement what was measured, including the baseline's name
     * @param codelog codelog's figure
     * @param baseline the raw SDK's, raw driver's or Go algorithm's figure, or "" when there is none
     * @param ratio codelog / baseline, or ""
     * @param target the target and whether it was met, or ""
     */
    record Row(String section, String measurement, String codelog, String baseline, String ratio, String target) {

        /** Whether the row states a target that was missed. */
        boolean missed() {
            return target.startsWith("MISSED");
        }

        /** Whether the row states a target that was met. */
        boolean met() {
            return target.startsWith("met");
        }

        String[] cells() {
            return new String[] {section, measurement, codelog, baseline, ratio, target};
        }
    }

    private final List<Row> rows = new ArrayList<>();

    /** Adds a row. */
    synchronized void add(Row row) {
        rows.add(row);
    }

    /** Adds a row. */
    void add(String section, String measurement, String codelog, String baseline, String ratio, String target) {
        add(new Row(section, measurement, codelog, baseline, ratio, target));
    }

    /** The rows so far. */
    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The verdict of a target: {@code met (…)} or {@code MISSED (…)}. */
    static String verdict(boolean met, String target) {
        return (met ? "met " : "MISSED ") + target;
    }

    /** Prints the table in Markdown, so that it can be pasted into docs/benchmarks.md as it is. */
    synchronized void print(PrintStream out) {
        int[] widths = new int[HEADERS.length];
        for (int c = 0; c < HEADERS.length; c++) {
            widths[c] = HEADERS[c].length();
        }
        for (Row row : rows) {
            String[] cells = row.cells();
            for (int c = 0; c < cells.length; c++) {
                widths[c] = Math.max(widths[c], cells[c].length());
            }
        }
        out.println(line(HEADERS, widths));
        String[] rule = new String[HEADERS.length];
        for (int c = 0; c < rule.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        out.println(line(rule, widths));
        String previousSection = null;
        for (Row row : rows) {
            String[] cells = row.cells();
            if (cells[0].equals(previousSection)) {
                cells[0] = "";
            } else {
                previousSection = cells[0];
            }
            out.println(line(cells, widths));
        }
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < cells.length; c++) {
            line.append(' ')
                    .append(cells[c])
                    .append(" ".repeat(widths[c] - cells[c].length()))
                    .append(" |");
        }
        return line.toString();
    }
}
