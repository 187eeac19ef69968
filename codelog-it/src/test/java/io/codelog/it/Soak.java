package io.codelog.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.core.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Concurrent writers, each on its own run, and readers of what they wrote, against one store for a bounded
 * time; then every acknowledged log is read back and every run's listing and count checked.
 */
final class Soak {

    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
    private static final int VERIFY_THREADS = 16;

    private final CodeLogRepository repository;
    private final int writers;
    private final int readers;
    private final Duration duration;
    private final Latencies latencies = new Latencies();
    private final List<String> runs = new ArrayList<>();
    private final List<Queue<CodeLog>> acknowledged = new ArrayList<>();
    private final AtomicReferenceArray<CodeLog> latest;
    private final Queue<String> anomalies = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    Soak(CodeLogRepository repository, int writers, int readers, Duration duration) {
        this.repository = repository;
        this.writers = writers;
        this.readers = readers;
        this.duration = duration;
        this.latest = new AtomicReferenceArray<>(writers);
        IdGenerator ids = IdGenerator.objectIds();
        for (int w = 0; w < writers; w++) {
            runs.add(ids.newId(Instant.now()));
            acknowledged.add(new ConcurrentLinkedQueue<>());
        }
    }

    /** The soak's duration from {@code codelog.soak.seconds}, 60 seconds when unset. */
    static Duration configuredDuration() {
        return Duration.ofSeconds(Long.parseLong(System.getProperty("codelog.soak.seconds", "60")));
    }

    /** Runs the load for the duration, then stops every thread and waits for it. */
    void run() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                running.add(pool.submit(() -> write(writer)));
            }
            for (int r = 0; r < readers; r++) {
                running.add(pool.submit(this::read));
            }
            // The soak's length is what is measured here, not a wait for another thread.
            boolean ended = pool.awaitTermination(duration.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(ended).as("load threads ran until told to stop").isFalse();
            stop.set(true);
            for (Future<?> thread : running) {
                thread.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Reads every acknowledged log back by id and lists and counts every run.
     *
     * @return the number of acknowledged logs missing or changed
     */
    long verifyAndCountLost() throws Exception {
        AtomicInteger lost = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(VERIFY_THREADS);
        try {
            List<Future<?>> checks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                checks.add(pool.submit(() -> verifyRun(writer, lost)));
            }
            for (Future<?> check : checks) {
                check.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return lost.get();
    }

    Latencies latencies() {
        return latencies;
    }

    long acknowledgedCount() {
        return acknowledged.stream().mapToLong(Queue::size).sum();
    }

    Queue<String> anomalies() {
        return anomalies;
    }

    private void verifyRun(int writer, AtomicInteger lost) {
        Set<String> expected = new HashSet<>();
        for (CodeLog log : acknowledged.get(writer)) {
            expected.add(log.id());
            if (!repository.findById(log.id()).filter(log::equals).isPresent()) {
                lost.incrementAndGet();
            }
        }
        String run = runs.get(writer);
        Set<String> listed = new HashSet<>();
        int total = 0;
        for (int page = 1; ; page++) {
            List<CodeLog> logs = repository.listRunLogs(run, null, PageRequest.MAX_LIMIT, page);
            logs.forEach(log -> listed.add(log.id()));
            total += logs.size();
            if (logs.size() < PageRequest.MAX_LIMIT) {
                break;
            }
        }
        assertThat(total).as("ids listed once each in run %s", writer).isEqualTo(listed.size());
        assertThat(listed).as("listing of run %s", writer).isEqualTo(expected);
        assertThat(repository.count(run, null)).as("count of run %s", writer).isEqualTo(expected.size());
    }

    private void write(int writer) {
        String run = runs.get(writer);
        for (int n = 0; !stop.get(); n++) {
            String content =
                    "soak writer " + writer + " line " + n + " \u00e9\u4e2d\uD83D\uDE00 " + "x".repeat(n % 200);
            CodeLog stored = timed("create", () -> repository.create(CodeLog.of(run, CODE, LogType.INFO, content)));
            if (stored != null) {
                acknowledged.get(writer).add(stored);
                latest.set(writer, stored);
            }
        }
    }

    private void read() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int n = 0; !stop.get(); n++) {
            int writer = random.nextInt(writers);
            CodeLog log = latest.get(writer);
            if (log == null) {
                continue;
            }
            String run = runs.get(writer);
            switch (n % 3) {
                case 0 -> {
                    Optional<CodeLog> found = timed("findById", () -> repository.findById(log.id()));
                    if (found != null && !found.equals(Optional.of(log))) {
                        anomalies.add("findById of an acknowledged log did not return it");
                    }
                }
                case 1 -> {
                    List<CodeLog> page = timed("listRunLogs", () -> repository.listRunLogs(run, null, 50, 1));
                    if (page != null && page.isEmpty()) {
                        anomalies.add("listRunLogs of a run with acknowledged logs was empty");
                    }
                }
                default -> {
                    long before = acknowledged.get(writer).size();
                    Long count = timed("count", () -> repository.count(run, null));
                    if (count != null && count < before) {
                        anomalies.add("count " + count + " below " + before + " acknowledged before it");
                    }
                }
            }
        }
    }

    /** The result, or null when the call failed; a failure is counted, never thrown past the thread. */
    private <T> T timed(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            T result = call.get();
            latencies.record(operation, System.nanoTime() - start);
            return result;
        } catch (RuntimeException e) {
            latencies.error(operation);
            anomalies.add(operation + " failed: " + e.getClass().getSimpleName());
            return null;
        }
    }
}
