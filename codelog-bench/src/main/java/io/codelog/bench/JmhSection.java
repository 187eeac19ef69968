package io.codelog.bench;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Section 6: the JMH micro benchmarks of {@link CodeLogMicroBenchmarks}, in forked JVMs (1 fork, 2 warm-up and 3
 * measured iterations of 1 s each), added to the table as operations per second: the mean of the measured
 * iterations and their min–max, which says more than JMH's 99.9 % error over 3 iterations (t = 31.6).
 */
final class JmhSection {

    static final String SECTION = "6. JMH micro benchmarks (1 fork, 2×1 s warm-up, 3×1 s measured)";

    /** What each benchmark method measures, by method name. */
    static final Map<String, String> DESCRIPTIONS = Map.of(
            "jsonEncode", "CodeLogJson: encode a stored log (400 characters of content)",
            "jsonDecode", "CodeLogJson: decode it, ids and timestamps validated",
            "requireValidObjectId", "CodeLogIds.requireValid: an ObjectId",
            "requireValidUuid", "CodeLogIds.requireValid: a UUID",
            "prepareCreate", "CodeLogRules.prepareCreate: checks, content limit, id and timestamps",
            "s3LogKey", "S3ObjectFormat.logKey: build the object key of a log",
            "s3IndexKey", "S3ObjectFormat.indexKey: build the key of its id pointer",
            "s3ParseKey", "S3ObjectFormat.parse: read ids and day back from a listed key");

    /**
     * Runs the micro benchmarks and adds a row per benchmark.
     *
     * @throws RunnerException when JMH cannot run them
     */
    void run(ReportTable table) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(CodeLogMicroBenchmarks.class.getName())
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.SECONDS)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        results.stream()
                .sorted(Comparator.comparing(JmhSection::description))
                .forEach(result ->
                        table.add(SECTION, description(result), describe(result.getPrimaryResult()), "", "", ""));
    }

    private static String description(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        return DESCRIPTIONS.getOrDefault(method, method);
    }

    private static String describe(Result<?> result) {
        return String.format(
                "%,.0f (%,.0f–%,.0f) %s",
                result.getScore(),
                result.getStatistics().getMin(),
                result.getStatistics().getMax(),
                result.getScoreUnit());
    }
}
