package io.codelog.migration;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** The live counters of one run, updated from every copying thread. */
final class RunTotals {

    private final LongAdder read = new LongAdder();
    private final LongAdder migrated = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder quarantined = new LongAdder();
    private final LongAdder storedBytes = new LongAdder();
    private final long startNanos = System.nanoTime();

    void add(CompletionWatermark.Outcome outcome) {
        read.increment();
        switch (outcome) {
            case MIGRATED -> migrated.increment();
            case SKIPPED -> skipped.increment();
            case QUARANTINED -> quarantined.increment();
        }
    }

    void addStoredBytes(long bytes) {
        storedBytes.add(bytes);
    }

    PartitionCounts counts() {
        return new PartitionCounts(read.sum(), migrated.sum(), skipped.sum(), quarantined.sum());
    }

    long storedBytes() {
        return storedBytes.sum();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    double logsPerSecond() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds <= 0 ? 0 : read.sum() / seconds;
    }
}
