package io.codelog.acceptance;

import io.codelog.testservers.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@link AcceptanceApplication} in a JVM of its own ({@link ChildJvm}, the {@code java} of this JVM's {@code java.home}),
 * whose environment holds exactly the given variables and nothing inherited. Standard output and error are read
 * as one stream of lines; every wait has a deadline, and closing destroys the process if it still runs.
 */
final class ChildApplication implements AutoCloseable {

    /** The longest any wait takes: start-up of a Spring Boot application on a busy two-core machine included. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final Writer input;
    private final List<String> lines = new ArrayList<>();
    private boolean outputEnded;

    private ChildApplication(String name, Process process) {
        this.name = name;
        this.process = process;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /**
     * Starts {@code java -cp <classpath> io.codelog.acceptance.AcceptanceApplication <arguments>}.
     *
     * @param environment the child's whole environment
     */
    static ChildApplication start(
            String name, List<Path> classpath, Map<String, String> environment, List<String> arguments) {
        Process process = ChildJvm.mainClass(
                        AcceptanceApplication.class.getName(), ApplicationClasspath.join(classpath))
                .jvmOptions(List.of(
                        "-Xmx256m",
                        // Short-lived: the C1 compiler alone starts it sooner on two shared cores.
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC"))
                .args(arguments)
                .withoutInherited(variable -> true)
                .environment(environment)
                .errorIntoOutput()
                .start();
        ChildApplication child = new ChildApplication(name, process);
        Thread reader = new Thread(child::readOutput, "codelog-acceptance-" + name);
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    /** The name the test gave this child. */
    String name() {
        return name;
    }

    /**
     * Waits for the gate line {@code {"step":"await","before":...}}.
     *
     * @throws AssertionError with the output when the child ends or the deadline passes first
     */
    void awaitGate(String before) {
        String wanted = "\"step\":\"await\",\"before\":\"" + before + "\"";
        awaitLine(line -> line.startsWith(StepLine.PREFIX) && line.contains(wanted), "the gate before " + before);
    }

    /** Lets the child past the gate it waits at. */
    void go() {
        try {
            input.write("go\n");
            input.flush();
        } catch (IOException e) {
            throw new AssertionError("could not write to " + name + ":\n" + output(), e);
        }
    }

    /**
     * Waits for the child to exit and for the last of its output.
     *
     * @return its exit code
     * @throws AssertionError with the output when it runs past the deadline (it is destroyed then)
     */
    int awaitExit() {
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not exit within " + TIMEOUT + ":\n" + output());
            }
            awaitEndOfOutput();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name, e);
        }
        return process.exitValue();
    }

    /** Every line printed so far. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Everything printed so far, one line after another. */
    String output() {
        return String.join("\n", lines());
    }

    /** Destroys the child if it still runs and waits for it to go. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") survived destroyForcibly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a line matches. */
    private synchronized void awaitLine(Predicate<String> wanted, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < lines.size(); checked++) {
                if (wanted.test(lines.get(checked))) {
                    return;
                }
            }
            if (outputEnded) {
                throw new AssertionError(name + " ended before " + what + ":\n" + String.join("\n", lines));
            }
            waitUntil(deadline, what);
        }
    }

    /** Waits until the reader has read the last line: the process may exit before its output is all read. */
    private synchronized void awaitEndOfOutput() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!outputEnded) {
            waitUntil(deadline, "the end of its output");
        }
    }

    private void waitUntil(long deadline, String what) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError(
                    name + " did not reach " + what + " within " + TIMEOUT + ":\n" + String.join("\n", lines));
        }
        try {
            wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what + " of " + name, e);
        }
    }

    private void readOutput() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                lines.add("[output of " + name + " ended: " + e + "]");
            }
        } finally {
            synchronized (this) {
                outputEnded = true;
                notifyAll();
            }
        }
    }
}
