package io.codelog.it;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** The latencies and errors of each operation of a load run, and their count, p50 and p99. Thread-safe. */
final class Latencies {

    private final Map<String, Queue<Long>> nanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** Records one completed operation. */
    void record(String operation, long elapsedNanos) {
        nanos.computeIfAbsent(operation, name -> new ConcurrentLinkedQueue<>()).add(elapsedNanos);
    }

    /** Records one failed operation. */
    void error(String operation) {
        errors.computeIfAbsent(operation, name -> new LongAdder()).increment();
    }

    /** How many operations completed, of every kind. */
    long operations() {
        return nanos.values().stream().mapToLong(Queue::size).sum();
    }

    /** How many operations failed, of every kind. */
    long errors() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** One line per operation: count, errors, p50 and p99 in milliseconds. */
    String summary(String label) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(nanos).forEach((operation, samples) -> {
            long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
            LongAdder failed = errors.get(operation);
            out.append(String.format(
                    "| %-22s | %-12s | %8d | %6d | %8.2f | %8.2f |%n",
                    label,
                    operation,
                    sorted.length,
                    failed == null ? 0 : failed.sum(),
                    millis(percentile(sorted, 50)),
                    millis(percentile(sorted, 99))));
        });
        return out.toString();
    }

    /** The header of {@link #summary}. */
    static String header() {
        return String.format(
                "| %-22s | %-12s | %8s | %6s | %8s | %8s |", "store", "operation", "ops", "errors", "p50 ms", "p99 ms");
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static double millis(long nanos) {
        return nanos / (double) Duration.ofMillis(1).toNanos();
    }

    @Override
    public String toString() {
        return "Latencies" + Arrays.toString(nanos.keySet().toArray());
    }
}
