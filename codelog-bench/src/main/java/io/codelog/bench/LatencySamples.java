package io.codelog.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one operation, in milliseconds, with their p50 and p99. */
final class LatencySamples {

    private final List<Double> millis = new ArrayList<>();

    /** Runs the operation once and records how long it took. */
    void time(Runnable operation) {
        long start = System.nanoTime();
        operation.run();
        millis.add((System.nanoTime() - start) / 1_000_000.0);
    }

    /** How many samples were taken. */
    int size() {
        return millis.size();
    }

    /** The median latency in milliseconds. */
    double p50() {
        return percentile(50);
    }

    /** The 99th percentile latency in milliseconds (the maximum below 100 samples). */
    double p99() {
        return percentile(99);
    }

    /** This p50 over the other's, as {@code 0.45 (p50)}; three decimals below 0.1, where two would say 0.00. */
    String p50RatioTo(LatencySamples other) {
        double ratio = p50() / other.p50();
        return String.format(ratio < 0.1 ? "%.3f (p50)" : "%.2f (p50)", ratio);
    }

    /** {@code p50 / p99 ms}. */
    String format() {
        return String.format("%.1f / %.1f ms", p50(), p99());
    }

    private double percentile(double percent) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return Spread.percentile(sorted, percent);
    }
}
