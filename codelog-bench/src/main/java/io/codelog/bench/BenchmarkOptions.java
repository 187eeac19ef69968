package io.codelog.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What one benchmark run does, from the command line ({@link BenchmarkArguments}).
 *
 * @param repetitions how many times each side-by-side measurement is repeated
 * @param ops operations per S3 throughput measurement
 * @param mongoOps operations per MongoDB throughput measurement
 * @param mongoDocuments documents in the collection the MongoDB reads run on
 * @param concurrency threads of every throughput measurement, the same for codelog and its baseline
 * @param delay the round trip the proxy adds to each request in the latency section
 * @param sizes the numbers of stored logs of the request-count, latency and scale sections
 * @param diskAbove sizes above this many logs run on a disk-backed s3proxy of their own: the in-memory one
 *     refuses writes ("out of disk space") near 1,000,000 objects, and each log is 2 with its id pointer
 * @param runSize logs of the run that pages and counts read (one less when a size leaves no room for the
 *     old log)
 * @param latencySamples calls per latency measurement of codelog
 * @param migrationLogs logs each side copies in the migration side by side
 * @param memoryLogs the numbers of logs the memory section migrates, one child JVM each
 * @param jmh whether the JMH micro benchmarks run after the server sections, alone, or not at all
 * @param sections the server sections that run, by name ({@link #SECTIONS}), in the table's order
 */
record BenchmarkOptions(
        int repetitions,
        int ops,
        int mongoOps,
        int mongoDocuments,
        int concurrency,
        Duration delay,
        List<Integer> sizes,
        int diskAbove,
        int runSize,
        int latencySamples,
        int migrationLogs,
        List<Integer> memoryLogs,
        Jmh jmh,
        List<String> sections) {

    /**
     * The server sections by name: S3 side by side, S3 id index modes, MongoDB side by side, migration side by side,
     * the sections at each stored size (request counts, latency, scale), S3 misses at each size as logs a day and the
     * listing of a 5-day run, memory.
     */
    static final List<String> SECTIONS = List.of("s3", "id-index", "mongo", "migration", "sizes", "reads", "memory");

    /** When the JMH micro benchmarks run. */
    enum Jmh {
        /** After the server sections, as section 6 of the same table (the default). */
        AFTER_SERVERS,
        /** Alone: {@code --jmh}. */
        ONLY,
        /** Not at all: {@code --no-jmh}. */
        SKIP
    }

    BenchmarkOptions {
        sizes = List.copyOf(sizes);
        memoryLogs = List.copyOf(memoryLogs);
        sections = List.copyOf(sections);
        if (sections.isEmpty() || !SECTIONS.containsAll(sections)) {
            throw new IllegalArgumentException("--sections takes names among " + SECTIONS);
        }
        if (repetitions < 1
                || ops < 1
                || mongoOps < 1
                || concurrency < 1
                || diskAbove < 1
                || latencySamples < 1
                || migrationLogs < 1
                || memoryLogs.isEmpty()
                || memoryLogs.stream().anyMatch(logs -> logs < 1)) {
            throw new IllegalArgumentException("counts must be 1 or more");
        }
        if (mongoDocuments < 40) {
            throw new IllegalArgumentException("--mongo-docs must be 40 or more");
        }
        if (runSize < 2 || sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 3)) {
            throw new IllegalArgumentException("--run-size must be 2 or more and every size 3 or more");
        }
    }

    /**
     * The default run: 5 repetitions, 1,000, 10,000 and 100,000 stored logs, 20 ms per request, 3,000 logs
     * migrated side by side, 2,000 and 10,000 in the memory section, then the JMH micro benchmarks.
     */
    static BenchmarkOptions defaults() {
        return new BenchmarkOptions(
                5,
                300,
                2000,
                2000,
                8,
                Duration.ofMillis(20),
                List.of(1_000, 10_000, 100_000),
                200_000,
                1_000,
                30,
                3_000,
                List.of(2_000, 10_000),
                Jmh.AFTER_SERVERS,
                SECTIONS);
    }

    /**
     * The options of a command line; {@code --huge} adds 1,000,000 stored logs.
     *
     * @throws IllegalArgumentException naming the usage when an argument is unknown or invalid
     */
    static BenchmarkOptions parse(String... args) {
        return BenchmarkArguments.parse(args);
    }

    /** Whether the server section of this name runs. */
    boolean runs(String section) {
        return sections.contains(section);
    }

    /** The options as the table's caption prints them. */
    String describe() {
        return "repetitions=" + repetitions + " ops=" + ops + " mongo-ops=" + mongoOps + " mongo-docs=" + mongoDocuments
                + " concurrency=" + concurrency + " delay=" + delay.toMillis() + "ms sizes=" + sizes + " disk-above="
                + diskAbove
                + " run-size="
                + runSize + " latency-samples=" + latencySamples + " migration-logs=" + migrationLogs + " memory-logs="
                + memoryLogs + " jmh=" + jmh.name().toLowerCase(Locale.ROOT)
                + (sections.equals(SECTIONS) ? "" : " sections=" + String.join(",", sections));
    }
}
