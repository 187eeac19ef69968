package io.codelog.bench;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the commands a MongoDB client sends, by command name ({@code find}, {@code getMore}, {@code insert},
 * …): the driver's counterpart of {@code S3RequestCounter}. Thread-safe.
 */
final class MongoCommandCounter implements CommandListener {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        counts.computeIfAbsent(event.getCommandName(), name -> new LongAdder()).increment();
    }

    /** The counts since the last reset by command name, commands not sent left out. */
    Map<String, Long> snapshot() {
        Map<String, Long> byName = new TreeMap<>();
        counts.forEach((name, count) -> {
            if (count.sum() > 0) {
                byName.put(name, count.sum());
            }
        });
        return byName;
    }

    /** Sets every count back to zero. */
    void reset() {
        counts.values().forEach(LongAdder::reset);
    }

    /** The counts since the last reset, written short: {@code 31 Mongo commands (12 getMore, 8 update, …)}. */
    String describe() {
        Map<String, Long> byName = snapshot();
        long total = byName.values().stream().mapToLong(Long::longValue).sum();
        StringJoiner parts = new StringJoiner(", ", " (", ")");
        byName.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> parts.add(String.format("%,d %s", entry.getValue(), entry.getKey())));
        return String.format("%,d Mongo command%s", total, total == 1 ? "" : "s")
                + (total == 0 ? "" : parts.toString());
    }
}
