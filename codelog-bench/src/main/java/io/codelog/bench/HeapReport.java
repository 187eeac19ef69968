package io.codelog.bench;

import io.codelog.testservers.ChildJvm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the memory section's child JVM reported for one migration.
 *
 * @param logs logs seeded for it
 * @param exitCode the child's exit code
 * @param migrated logs it migrated
 * @param complete whether every partition of its job was done
 * @param seconds how long the migration took
 * @param liveMax the largest heap used right after the full GCs forced during the run, in bytes
 * @param liveSamples how many full GCs were forced
 * @param afterGcMax the largest heap used right after any GC, in bytes
 * @param poolPeaks the sum of the heap pools' peaks, in bytes
 */
record HeapReport(
        int logs,
        int exitCode,
        long migrated,
        boolean complete,
        double seconds,
        long liveMax,
        long liveSamples,
        long afterGcMax,
        long poolPeaks) {

    private static final double MIB = 1024.0 * 1024.0;

    /**
     * Reads the {@code name value} lines of {@link MigrationMemoryMain}.
     *
     * @throws IllegalStateException naming the stderr tail when a figure is missing (the child failed)
     */
    static HeapReport parse(int logs, ChildJvm.Result child) {
        Map<String, String> values = new HashMap<>();
        for (String line : child.lines()) {
            int space = line.indexOf(' ');
            if (space > 0) {
                values.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        List<String> required = List.of("migrated", "complete", "seconds", "heap-live-max", "heap-after-gc-max");
        for (String name : required) {
            if (!values.containsKey(name)) {
                throw new IllegalStateException("the memory child exited with " + child.exitCode()
                        + " without printing " + name + "; its stderr ends with: " + child.stderrTail());
            }
        }
        return new HeapReport(
                logs,
                child.exitCode(),
                Long.parseLong(values.get("migrated")),
                Boolean.parseBoolean(values.get("complete")),
                Double.parseDouble(values.get("seconds")),
                Long.parseLong(values.get("heap-live-max")),
                Long.parseLong(values.getOrDefault("heap-live-samples", "0")),
                Long.parseLong(values.get("heap-after-gc-max")),
                Long.parseLong(values.getOrDefault("heap-pool-peaks", "0")));
    }

    /** Whether the child exited 0 having migrated every log. */
    boolean succeeded() {
        return exitCode == 0 && complete && migrated == logs;
    }

    /** The live heap in MiB. */
    double liveMib() {
        return liveMax / MIB;
    }

    /** The figures as one table cell. */
    String describe() {
        return String.format(
                "live %.1f MiB (max of %d forced full GCs) · after any GC ≤ %.1f MiB · pool peaks %.0f MiB · %.0f logs/s",
                liveMib(), liveSamples, afterGcMax / MIB, poolPeaks / MIB, migrated / seconds);
    }
}
