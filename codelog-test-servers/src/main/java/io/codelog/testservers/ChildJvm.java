package io.codelog.testservers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Java program in a JVM of its own, run by the {@code java} of this JVM's {@code java.home}: a main class on a
 * class path (this JVM's by default) or an executable jar, with JVM options, arguments and an environment; the one
 * place this project launches a JVM. {@link #start()} hands back the process for the caller to read and stop;
 * {@link #startReadingOutput()} and {@link #startReadingError()} a {@link ChildProcess} reading one of its streams
 * line by line; {@link #run(Duration)} waits for it, collects what it printed and kills it when it overruns.
 */
public final class ChildJvm {

    private static final int STDERR_TAIL = 4_000;

    private final List<String> launch;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Predicate<String> dropped = variable -> false;
    private Redirect output = Redirect.PIPE;
    private Redirect error = Redirect.PIPE;
    private boolean errorIntoOutput;

    private ChildJvm(List<String> launch) {
        this.launch = launch;
    }

    /**
     * What the child did.
     *
     * @param exitCode its exit code
     * @param lines the lines it printed on stdout
     * @param stderrTail the end of what it printed on stderr
     */
    public record Result(int exitCode, List<String> lines, String stderrTail) {}

    /** {@code java -cp <this JVM's class path> <mainClass>}. */
    public static ChildJvm mainClass(Class<?> mainClass) {
        return mainClass(mainClass.getName(), currentClassPath());
    }

    /** {@code java -cp <classPath> <mainClass>}. */
    public static ChildJvm mainClass(String mainClass, String classPath) {
        return new ChildJvm(List.of("-cp", classPath, mainClass));
    }

    /** {@code java -jar <jar>}. */
    public static ChildJvm jar(Path jar) {
        return new ChildJvm(List.of("-jar", jar.toString()));
    }

    /** The class path of this JVM's code, under Surefire too, whose {@code java.class.path} names only its booter. */
    public static String currentClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Adds options for the JVM, such as {@code -Xmx256m}, before the class path. */
    public ChildJvm jvmOptions(List<String> options) {
        jvmOptions.addAll(options);
        return this;
    }

    /** Adds arguments for the program. */
    public ChildJvm args(List<String> arguments) {
        args.addAll(arguments);
        return this;
    }

    /** Sets variables in the child's environment, over what it inherits. */
    public ChildJvm environment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** Leaves the variables this predicate accepts out of what the child inherits ({@code name -> true}: all). */
    public ChildJvm withoutInherited(Predicate<String> variables) {
        dropped = dropped.or(variables);
        return this;
    }

    /** Writes the child's stdout to this file instead of a pipe. */
    public ChildJvm outputTo(Path file) {
        output = Redirect.to(file.toFile());
        return this;
    }

    /** Writes the child's stderr to this file instead of a pipe. */
    public ChildJvm errorTo(Path file) {
        error = Redirect.to(file.toFile());
        return this;
    }

    /** Sends the child's stderr into its stdout, one stream of lines. */
    public ChildJvm errorIntoOutput() {
        errorIntoOutput = true;
        return this;
    }

    /** The command line: the java executable, the JVM options, the class path and main class or jar, the arguments. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launch);
        command.addAll(args);
        return command;
    }

    /**
     * Starts the child; the caller reads its pipes and stops it.
     *
     * @throws UncheckedIOException when the JVM cannot be started
     */
    public Process start() {
        ProcessBuilder builder = new ProcessBuilder(command())
                .redirectOutput(output)
                .redirectError(error)
                .redirectErrorStream(errorIntoOutput);
        builder.environment().keySet().removeIf(dropped);
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not start a JVM with " + command().get(0), e);
        }
    }

    /**
     * Starts the child to read its stdout line by line.
     *
     * @throws UncheckedIOException when the JVM cannot be started
     */
    public ChildProcess startReadingOutput() {
        Process process = start();
        return new ChildProcess(process, process.getInputStream());
    }

    /**
     * Starts the child to read its stderr line by line.
     *
     * @throws UncheckedIOException when the JVM cannot be started
     */
    public ChildProcess startReadingError() {
        Process process = start();
        return new ChildProcess(process, process.getErrorStream());
    }

    /**
     * Starts the child, collects its stdout lines and the end of its stderr, and waits for it to exit.
     *
     * @throws IllegalStateException when it does not exit within the timeout (it is killed then)
     */
    public Result run(Duration timeout) {
        Path stderr = TemporaryDirectory.create("codelog-child", "a child JVM's stderr");
        errorTo(stderr.resolve("stderr.log"));
        try {
            Process process = start();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> readLines(process, lines), "codelog-child-stdout");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the child JVM " + String.join(" ", launch) + " did not finish within "
                        + timeout + "; stderr ends with: " + tail(stderr.resolve("stderr.log")));
            }
            reader.join(timeout.toMillis());
            return new Result(process.exitValue(), List.copyOf(lines), tail(stderr.resolve("stderr.log")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a child JVM", e);
        } finally {
            TemporaryDirectory.delete(stderr);
        }
    }

    private static void readLines(Process process, List<String> lines) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The stream closes when the child is killed; the exit code tells what happened.
        }
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.substring(Math.max(0, text.length() - STDERR_TAIL));
        } catch (IOException e) {
            return "(its stderr in " + file + " could not be read: " + e + ")";
        }
    }
}
