package io.codelog.acceptance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where the script may wait for a go-ahead: never, or until a line {@code go} arrives on standard input. A test
 * that runs two instances uses it to line them up without timing guesses.
 */
interface Gate {

    /** Returns at once, or when the go-ahead for the named point arrives. */
    void await(String before);

    /** A gate that never waits. */
    static Gate open() {
        return before -> {};
    }

    /**
     * A gate that prints {@code {"step":"await","before":...}} and waits for the line {@code go} on standard input.
     *
     * @throws IllegalStateException from {@link #await} when standard input ends or says anything else
     */
    static Gate standardInput() {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return before -> {
            StepLine.of("await").put("before", before).print();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the go-ahead before " + before, e);
            }
            if (!"go".equals(line)) {
                throw new IllegalStateException("expected the line go before " + before + ", got " + line);
            }
        };
    }
}
