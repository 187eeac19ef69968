package io.codelog.cli;

import io.codelog.testservers.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code codelog} in a JVM of its own ({@link CodelogMain}, as {@code java -jar} runs it) with the given
 * environment, so that a test can kill it; its stderr (the progress lines) is read line by line, its stdout goes
 * to {@code target/cli-<name>.out}.
 */
final class CliProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader err;

    CliProcess(String name, Map<String, String> environment, String... args) {
        process = ChildJvm.mainClass(CodelogMain.class)
                .jvmOptions(List.of("-Xmx256m"))
                .args(List.of(args))
                .withoutInherited(variable -> variable.startsWith("FLOWS_CODE_ACTIONS_"))
                .environment(environment)
                .outputTo(Path.of("target", "cli-" + name + ".out"))
                .start();
        err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    }

    /** The next line the command wrote to stderr, or null when it exited. */
    String nextErrLine() {
        try {
            return err.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Process process() {
        return process;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            err.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
