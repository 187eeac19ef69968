package io.codelog.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

/** One run of the command line in this JVM, with captured output and a chosen environment. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code codelog args} with these environment variables, not on a terminal, on the system clock. */
    static CliRun of(Map<String, String> environment, String... args) {
        return of(environment, Clock.systemUTC(), new Interruption(), args);
    }

    /** Runs {@code codelog args} with this clock and interruption. */
    static CliRun of(Map<String, String> environment, Clock clock, Interruption interruption, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(
                new PrintWriter(out, true), new PrintWriter(err, true), environment, false, clock, interruption);
        int code = new CodelogCli(context).run(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Both outputs, for assertion messages. */
    String both() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
