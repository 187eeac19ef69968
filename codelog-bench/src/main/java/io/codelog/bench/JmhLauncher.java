package io.codelog.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link CodeLogMicroBenchmarks} with a short default: 1 fork, 2 warm-up and 3 measured seconds. */
final class JmhLauncher {

    private JmhLauncher() {}

    static void run() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(CodeLogMicroBenchmarks.class.getName())
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.NANOSECONDS)
                .build();
        new Runner(options).run();
    }
}
