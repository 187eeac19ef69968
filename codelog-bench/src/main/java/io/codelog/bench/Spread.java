package io.codelog.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The minimum, median and maximum of repeated measurements, and percentiles of latency samples. */
record Spread(double min, double median, double max) {

    /** The spread of the values; at least one value is required. */
    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("at least one measurement is required");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new Spread(sorted.get(0), percentile(sorted, 50), sorted.get(sorted.size() - 1));
    }

    /** The nearest-rank percentile of values already sorted ascending. */
    static double percentile(List<Double> sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** {@code median (min–max)} with the given number of decimals. */
    String format(int decimals) {
        String pattern = "%." + decimals + "f";
        return String.format(pattern, median) + " (" + String.format(pattern, min) + "–" + String.format(pattern, max)
                + ")";
    }
}
