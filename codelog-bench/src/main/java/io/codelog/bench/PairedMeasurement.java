package io.codelog.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Measures codelog and its baseline {@code repetitions} times, alternating which goes first, and keeps the
 * throughput of each and their ratio per repetition.
 */
final class PairedMeasurement {

    /** The minimum ratio codelog / baseline that a target asks for. */
    static final double TARGET_RATIO = 0.9;

    private final List<Double> codelog = new ArrayList<>();
    private final List<Double> baseline = new ArrayList<>();
    private final List<Double> ratios = new ArrayList<>();

    /**
     * Runs both {@code repetitions} times: codelog first in even repetitions, the baseline first in odd ones.
     *
     * @param codelogRun one measurement of codelog, in operations per second
     * @param baselineRun one measurement of the baseline, in operations per second
     */
    static PairedMeasurement run(int repetitions, DoubleSupplier codelogRun, DoubleSupplier baselineRun) {
        PairedMeasurement measurement = new PairedMeasurement();
        for (int r = 0; r < repetitions; r++) {
            double ours;
            double theirs;
            if (r % 2 == 0) {
                ours = codelogRun.getAsDouble();
                theirs = baselineRun.getAsDouble();
            } else {
                theirs = baselineRun.getAsDouble();
                ours = codelogRun.getAsDouble();
            }
            measurement.codelog.add(ours);
            measurement.baseline.add(theirs);
            measurement.ratios.add(ours / theirs);
        }
        return measurement;
    }

    Spread codelog() {
        return Spread.of(codelog);
    }

    Spread baseline() {
        return Spread.of(baseline);
    }

    Spread ratio() {
        return Spread.of(ratios);
    }

    /** Adds the row: ops/s of both as median (min–max), and the ratio's median (min–max). */
    void addTo(ReportTable table, String section, String measurement, boolean hasTarget) {
        Spread ratio = ratio();
        String target =
                hasTarget ? ReportTable.verdict(ratio.median() >= TARGET_RATIO, "≥ " + TARGET_RATIO + " (median)") : "";
        table.add(
                section,
                measurement,
                codelog().format(0) + " ops/s",
                baseline().format(0) + " ops/s",
                ratio.format(2),
                target);
    }
}
