package io.codelog.testservers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A running child JVM ({@link ChildJvm}) whose stdout or stderr is read line by line; closing kills it. */
public final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader lines;

    ChildProcess(Process process, InputStream read) {
        this.process = process;
        this.lines = new BufferedReader(new InputStreamReader(read, StandardCharsets.UTF_8));
    }

    /** The next line the child printed on the stream read, or null once it closed that stream (exited). */
    public String nextLine() {
        try {
            return lines.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process, to wait for, kill or ask for its exit code. */
    public Process process() {
        return process;
    }

    /** Kills the child if it still runs and closes the stream read. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
