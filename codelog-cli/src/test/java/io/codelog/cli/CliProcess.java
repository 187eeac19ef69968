package io.codelog.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                classPath,
                CodelogMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(new File("target/cli-" + name + ".out"));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("FLOWS_CODE_ACTIONS_"));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
