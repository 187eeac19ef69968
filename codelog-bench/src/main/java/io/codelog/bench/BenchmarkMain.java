package io.codelog.bench;

import java.io.PrintStream;
import java.time.Instant;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs codelog's benchmarks on MongoDB- and S3-protocol servers started inside this JVM, then the JMH micro
 * benchmarks, and prints one table; {@code --jmh} runs only the JMH ones, {@code --no-jmh} skips them. See
 * docs/benchmarks.md for the command and the sections.
 */
public final class BenchmarkMain {

    private static final String SERVERS = "CODELOG_TEST_SERVERS";

    private BenchmarkMain() {}

    /**
     * Runs the benchmark.
     *
     * @param args see {@link BenchmarkArguments#usage()}
     * @throws RunnerException when JMH fails to run
     */
    public static void main(String[] args) throws RunnerException {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // The sections measure the embedded servers; probing for Docker would only add start-up time.
        if (System.getProperty(SERVERS) == null && System.getenv(SERVERS) == null) {
            System.setProperty(SERVERS, "embedded");
        }
        PrintStream out = System.out;
        long start = System.nanoTime();
        ReportTable table =
                options.jmh() == BenchmarkOptions.Jmh.ONLY ? new ReportTable() : new Benchmark(options, out).run();
        if (options.jmh() != BenchmarkOptions.Jmh.SKIP) {
            Benchmark.step(out, start, "JMH micro benchmarks in forked JVMs");
            new JmhSection().run(table);
        }
        out.println();
        out.println(
                "codelog-bench " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                        + System.getProperty("java.version") + ", " + options.describe());
        out.println();
        table.print(out);
        out.printf("%nTotal time: %.0f s%n", (System.nanoTime() - start) / 1e9);
        if (table.rows().stream().anyMatch(ReportTable.Row::missed)) {
            out.println("Some targets were MISSED: see the target column.");
        }
        // The embedded servers keep non-daemon threads; their shutdown hook stops them on exit.
        System.exit(0);
    }
}
