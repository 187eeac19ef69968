package io.codelog.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark's command line, parsed by picocli into {@link BenchmarkOptions}: each option defaults to the
 * value of {@link BenchmarkOptions#defaults()}, and an unknown option or a value that is not a whole number is
 * refused with the usage.
 */
@Command(
        name = "codelog-bench",
        description = "Measures codelog against the raw AWS SDK and MongoDB driver on servers started in this JVM.",
        sortOptions = false)
final class BenchmarkArguments {

    private static final BenchmarkOptions DEFAULTS = BenchmarkOptions.defaults();

    @Option(names = "--huge", description = "Adds 1,000,000 stored logs to the sizes.")
    private boolean huge;

    @Option(names = "--jmh", description = "Runs only the JMH micro benchmarks.")
    private boolean jmhOnly;

    @Option(names = "--no-jmh", description = "Skips the JMH micro benchmarks.")
    private boolean noJmh;

    @Option(
            names = "--repetitions",
            description = "Repetitions of each side-by-side measurement (default: ${DEFAULT-VALUE}).")
    private int repetitions = DEFAULTS.repetitions();

    @Option(names = "--ops", description = "Operations per S3 throughput measurement (default: ${DEFAULT-VALUE}).")
    private int ops = DEFAULTS.ops();

    @Option(
            names = "--mongo-ops",
            description = "Operations per MongoDB throughput measurement (default: ${DEFAULT-VALUE}).")
    private int mongoOps = DEFAULTS.mongoOps();

    @Option(names = "--mongo-docs", description = "Documents the MongoDB reads run on (default: ${DEFAULT-VALUE}).")
    private int mongoDocuments = DEFAULTS.mongoDocuments();

    @Option(
            names = "--concurrency",
            description = "Threads of every throughput measurement (default: ${DEFAULT-VALUE}).")
    private int concurrency = DEFAULTS.concurrency();

    @Option(
            names = "--delay-ms",
            description = "Round trip added to each request in the latency section (default: ${DEFAULT-VALUE}).")
    private long delayMillis = DEFAULTS.delay().toMillis();

    @Option(
            names = "--sizes",
            split = ",",
            description = "Stored logs of the request-count, latency and scale sections (default: ${DEFAULT-VALUE}).")
    private List<Integer> sizes = new ArrayList<>(DEFAULTS.sizes());

    @Option(
            names = "--disk-above",
            description = "Sizes above this run on a disk-backed s3proxy (default: ${DEFAULT-VALUE}).")
    private int diskAbove = DEFAULTS.diskAbove();

    @Option(
            names = "--run-size",
            description = "Logs of the run that pages and counts read (default: ${DEFAULT-VALUE}).")
    private int runSize = DEFAULTS.runSize();

    @Option(names = "--latency-samples", description = "Calls per latency measurement (default: ${DEFAULT-VALUE}).")
    private int latencySamples = DEFAULTS.latencySamples();

    @Option(
            names = "--migration-logs",
            description = "Logs each side copies in the migration side by side (default: ${DEFAULT-VALUE}).")
    private int migrationLogs = DEFAULTS.migrationLogs();

    @Option(
            names = "--memory-logs",
            split = ",",
            description = "Logs the memory section migrates, one child JVM each (default: ${DEFAULT-VALUE}).")
    private List<Integer> memoryLogs = new ArrayList<>(DEFAULTS.memoryLogs());

    @Option(
            names = "--sections",
            split = ",",
            description =
                    "Server sections that run: s3,id-index,mongo,migration,sizes,reads,memory (default: ${DEFAULT-VALUE}).")
    private List<String> sections = new ArrayList<>(DEFAULTS.sections());

    private BenchmarkArguments() {}

    /**
     * The options of a command line; blank arguments, as a shell variable left empty gives, are ignored.
     *
     * @throws IllegalArgumentException with picocli's reason and the usage when an argument is unknown or invalid
     */
    static BenchmarkOptions parse(String... args) {
        BenchmarkArguments arguments = new BenchmarkArguments();
        CommandLine commandLine = new CommandLine(arguments);
        try {
            commandLine.parseArgs(
                    Arrays.stream(args).filter(arg -> !arg.isBlank()).toArray(String[]::new));
            return arguments.options();
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + System.lineSeparator() + usage(), e);
        }
    }

    /** The usage, as {@code --help} would print it. */
    static String usage() {
        return new CommandLine(new BenchmarkArguments()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private BenchmarkOptions options() {
        if (jmhOnly && noJmh) {
            throw new IllegalArgumentException("--jmh and --no-jmh exclude each other");
        }
        List<Integer> allSizes = new ArrayList<>(sizes);
        if (huge) {
            allSizes.add(1_000_000);
        }
        return new BenchmarkOptions(
                repetitions,
                ops,
                mongoOps,
                mongoDocuments,
                concurrency,
                Duration.ofMillis(delayMillis),
                allSizes,
                diskAbove,
                runSize,
                latencySamples,
                migrationLogs,
                memoryLogs,
                jmhOnly
                        ? BenchmarkOptions.Jmh.ONLY
                        : noJmh ? BenchmarkOptions.Jmh.SKIP : BenchmarkOptions.Jmh.AFTER_SERVERS,
                sections);
    }
}
