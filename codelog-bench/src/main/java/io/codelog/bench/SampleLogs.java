package io.codelog.bench;

import io.codelog.core.CodeLog;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import java.time.Instant;
import java.util.Random;

/**
 * Deterministic log lines for the benchmark: contents of 120 to 600 characters that look like the output of
 * user code, and complete logs with ObjectIds generated in creation order. Not thread-safe: make the logs
 * before handing them to worker threads.
 */
final class SampleLogs {

    private static final String[] WORDS = {
        "step",
        "result",
        "value",
        "request",
        "ok",
        "retry",
        "user",
        "total",
        "elapsed",
        "ms",
        "item",
        "row",
        "=",
        "->",
        "warning:",
        "done",
        "payload",
        "{\"a\":1}",
        "None",
        "True",
        "42",
        "3.14",
        "é",
        "ü",
        "→"
    };
    private static final LogType[] TYPES = {LogType.INFO, LogType.INFO, LogType.DEBUG, LogType.ERROR};

    private final Random random;
    private final IdGenerator ids = IdGenerator.objectIds();

    SampleLogs(long seed) {
        this.random = new Random(seed);
    }

    /** A line of 120 to 600 characters. */
    String content() {
        int length = 120 + random.nextInt(481);
        StringBuilder line = new StringBuilder(length + 16);
        while (line.length() < length) {
            line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return line.substring(0, length);
    }

    /** A level, mostly info. */
    LogType type() {
        return TYPES[random.nextInt(TYPES.length)];
    }

    /** A new ObjectId whose time is {@code at}; ids of one instance sort in the order of their instants. */
    String newId(Instant at) {
        return ids.newId(at);
    }

    /** A complete log created at {@code at}, ready for {@code put}. */
    CodeLog log(String runId, String codeId, Instant at) {
        return new CodeLog(newId(at), runId, codeId, type(), content(), at, at);
    }

    /** A log without id or timestamps, ready for {@code create}. */
    CodeLog newLog(String runId, String codeId) {
        return CodeLog.of(runId, codeId, type(), content());
    }
}
