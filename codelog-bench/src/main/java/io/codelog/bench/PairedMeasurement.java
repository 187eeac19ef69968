package io.codelog.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;

/**
 * Measures codelog and its baseline {@code repetitions} times, changing which goes first, and keeps the
 * throughput of each and their ratio per repetition.
 */
final class PairedMeasurement {

    /** The minimum ratio codelog / baseline that a target asks for, unless it names another. */
    static final double TARGET_RATIO = 0.9;

    private final List<Double> codelog;
    private final List<Double> baseline = new ArrayList<>();
    private final List<Double> ratios = new ArrayList<>();

    private PairedMeasurement(List<Double> codelog) {
        this.codelog = codelog;
    }

    /**
     * Runs both {@code repetitions} times: codelog first in even repetitions, the baseline first in odd ones.
     *
     * @param codelogRun one measurement of codelog, in operations per second
     * @param baselineRun one measurement of the baseline, in operations per second
     */
    static PairedMeasurement run(int repetitions, DoubleSupplier codelogRun, DoubleSupplier baselineRun) {
        return run(repetitions, codelogRun, List.of(baselineRun)).get(0);
    }

    /**
     * Runs codelog and several baselines {@code repetitions} times, rotating the order (repetition r starts
     * with side r mod sides, codelog being side 0), so that no side always runs first or last.
     *
     * @return one measurement per baseline, in the order given, all sharing codelog's figures
     */
    static List<PairedMeasurement> run(int repetitions, DoubleSupplier codelogRun, List<DoubleSupplier> baselineRuns) {
        List<Double> codelog = new ArrayList<>();
        List<PairedMeasurement> measurements = new ArrayList<>();
        List<DoubleSupplier> sides = new ArrayList<>();
        sides.add(codelogRun);
        sides.addAll(baselineRuns);
        for (int b = 0; b < baselineRuns.size(); b++) {
            measurements.add(new PairedMeasurement(codelog));
        }
        for (int r = 0; r < repetitions; r++) {
            double[] figures = new double[sides.size()];
            for (int s = 0; s < sides.size(); s++) {
                int side = (r + s) % sides.size();
                figures[side] = sides.get(side).getAsDouble();
            }
            codelog.add(figures[0]);
            for (int b = 0; b < measurements.size(); b++) {
                measurements.get(b).baseline.add(figures[b + 1]);
                measurements.get(b).ratios.add(figures[0] / figures[b + 1]);
            }
        }
        return measurements;
    }

    /**
     * Runs each side {@code warmUpOps} times unmeasured (JIT, pools, first-use probes), then measures codelog
     * against one baseline as {@link #run(int, DoubleSupplier, DoubleSupplier)} does, {@code ops} operations per
     * measurement on {@code workers}.
     */
    static PairedMeasurement warmedUp(
            ConcurrentRun workers, int warmUpOps, int ops, int repetitions, IntConsumer codelog, IntConsumer baseline) {
        return warmedUp(workers, warmUpOps, ops, repetitions, codelog, List.of(baseline))
                .get(0);
    }

    /** As {@link #warmedUp(ConcurrentRun, int, int, int, IntConsumer, IntConsumer)}, against several baselines. */
    static List<PairedMeasurement> warmedUp(
            ConcurrentRun workers,
            int warmUpOps,
            int ops,
            int repetitions,
            IntConsumer codelog,
            List<IntConsumer> baselines) {
        workers.opsPerSecond(warmUpOps, codelog);
        baselines.forEach(baseline -> workers.opsPerSecond(warmUpOps, baseline));
        return run(
                repetitions,
                () -> workers.opsPerSecond(ops, codelog),
                baselines.stream()
                        .<DoubleSupplier>map(baseline -> () -> workers.opsPerSecond(ops, baseline))
                        .toList());
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

    /** Adds the row: ops/s of both as median (min–max), the ratio's median (min–max), the 0.9 target or none. */
    void addTo(ReportTable table, String section, String measurement, boolean hasTarget) {
        addTo(table, section, measurement, "ops/s", hasTarget ? TARGET_RATIO : Double.NaN);
    }

    /**
     * Adds the row with figures in {@code unit}, and the target that the ratio's median be at least
     * {@code targetRatio} (none when NaN).
     */
    void addTo(ReportTable table, String section, String measurement, String unit, double targetRatio) {
        Spread ratio = ratio();
        String target = Double.isNaN(targetRatio)
                ? ""
                : ReportTable.verdict(ratio.median() >= targetRatio, "≥ " + targetRatio + " (median)");
        table.add(
                section,
                measurement,
                codelog().format(0) + " " + unit,
                baseline().format(0) + " " + unit,
                ratio.format(3),
                target);
    }
}
