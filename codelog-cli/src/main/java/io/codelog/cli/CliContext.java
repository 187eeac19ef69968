package io.codelog.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may touch of the world: its output streams, the environment variables it reads its
 * configuration from, whether it talks to a terminal, the clock and the interruption signal. Tests give their
 * own, so that no command reads the process environment or writes to the real console.
 *
 * @param out where results go
 * @param err where progress, warnings and errors go
 * @param environment the environment variables, e.g. {@code FLOWS_CODE_ACTIONS_S3_BUCKET_NAME}
 * @param terminal whether {@code err} is a terminal, which gets a redrawn progress bar instead of log lines
 * @param clock the clock of day ranges and progress lines
 * @param interruption set when the user asks to stop
 */
record CliContext(
        PrintWriter out,
        PrintWriter err,
        Map<String, String> environment,
        boolean terminal,
        Clock clock,
        Interruption interruption) {

    CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(interruption, "interruption");
    }

    /** The process's console, environment and clock. */
    static CliContext system(Interruption interruption) {
        return new CliContext(
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                System.getenv(),
                System.console() != null,
                Clock.systemUTC(),
                interruption);
    }
}
