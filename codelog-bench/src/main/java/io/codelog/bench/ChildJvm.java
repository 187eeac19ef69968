package io.codelog.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class in a new JVM on this JVM's class path and collects what it prints. */
final class ChildJvm {

    private static final int STDERR_TAIL = 4_000;

    /**
     * What the child did.
     *
     * @param exitCode its exit code
     * @param lines the lines it printed on stdout
     * @param stderrTail the end of what it printed on stderr
     */
    record Result(int exitCode, List<String> lines, String stderrTail) {}

    private ChildJvm() {}

    /**
     * Starts {@code java <jvmOptions> -cp <this class path> <mainClass> <args>} and waits for it to exit.
     *
     * @throws IllegalStateException when it does not exit within the timeout (it is killed then)
     */
    static Result run(List<String> jvmOptions, Class<?> mainClass, List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        // Under Surefire java.class.path names only its booter jar; the test class path is in this property.
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass.getName());
        command.addAll(args);
        Path stderr = null;
        try {
            stderr = Files.createTempFile("codelog-bench-child", ".err");
            Process process =
                    new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> readLines(process, lines), "codelog-bench-child-stdout");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the child JVM " + mainClass.getSimpleName() + " did not finish within "
                        + timeout + "; stderr ends with: " + tail(stderr));
            }
            reader.join(timeout.toMillis());
            return new Result(process.exitValue(), List.copyOf(lines), tail(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run a child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a child JVM", e);
        } finally {
            deleteQuietly(stderr);
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

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.substring(Math.max(0, text.length() - STDERR_TAIL));
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind is harmless; the benchmark's result does not depend on it.
        }
    }
}
