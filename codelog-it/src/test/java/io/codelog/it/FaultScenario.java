package io.codelog.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogStorageException;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.core.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The creates of one run made while one kind of fault is injected: what was acknowledged, what failed and
 * how long the slowest call took, then the check that nothing acknowledged was lost.
 */
final class FaultScenario {

    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";

    private final String name;
    private final CodeLogRepository repository;
    private final Duration budget;
    private final String run = IdGenerator.objectIds().newId(Instant.now());
    private final List<CodeLog> acknowledged = new ArrayList<>();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger attempted = new AtomicInteger();
    private final AtomicLong slowestNanos = new AtomicLong();

    /**
     * @param name the fault, as the table shows it
     * @param repository the store under test
     * @param budget the longest a create may take, success or failure
     */
    FaultScenario(String name, CodeLogRepository repository, Duration budget) {
        this.name = name;
        this.repository = repository;
        this.budget = budget;
    }

    /**
     * One create: acknowledged, or failed with {@link CodeLogStorageException}; either within the budget.
     * Any other outcome fails the test.
     *
     * @return whether the create was acknowledged
     */
    boolean create() {
        int number = attempted.incrementAndGet();
        CodeLog log =
                CodeLog.of(run, CODE, LogType.INFO, "line " + number + " of " + name + " \u00e9\u4e2d\uD83D\uDE00");
        long start = System.nanoTime();
        try {
            CodeLog stored = repository.create(log);
            synchronized (acknowledged) {
                acknowledged.add(stored);
            }
            return true;
        } catch (CodeLogStorageException e) {
            assertThat(e.store()).isEqualTo("s3");
            assertThat(e.operation()).isEqualTo("create");
            failed.incrementAndGet();
            return false;
        } finally {
            long elapsed = System.nanoTime() - start;
            slowestNanos.accumulateAndGet(elapsed, Math::max);
            assertThat(Duration.ofNanos(elapsed)).as("create under %s", name).isLessThan(budget);
        }
    }

    int acknowledgedCount() {
        synchronized (acknowledged) {
            return acknowledged.size();
        }
    }

    int failedCount() {
        return failed.get();
    }

    /**
     * Reads everything back: each acknowledged log by id, and the run's listing and count, which must agree and
     * hold every acknowledged log and nothing that was never attempted.
     *
     * @return how many acknowledged logs are missing or changed
     */
    int verifyAndCountLost() {
        List<CodeLog> expected;
        synchronized (acknowledged) {
            expected = List.copyOf(acknowledged);
        }
        int lost = 0;
        for (CodeLog log : expected) {
            Optional<CodeLog> found = repository.findById(log.id());
            if (!found.equals(Optional.of(log))) {
                lost++;
            }
        }
        List<CodeLog> listed = listAll();
        Set<String> listedIds = new HashSet<>();
        listed.forEach(log -> listedIds.add(log.id()));
        assertThat(listedIds).as("ids listed once each").hasSize(listed.size());
        assertThat(repository.count(run, null)).as("count of the run").isEqualTo(listed.size());
        assertThat(listedIds)
                .as("acknowledged logs listed")
                .containsAll(expected.stream().map(CodeLog::id).toList());
        assertThat(listed.size()).as("no more logs than creates tried").isLessThanOrEqualTo(attempted.get());
        return lost;
    }

    /** One line of the fault table. */
    String tableLine(long injected, int lost) {
        return String.format(
                "| %-40s | %8d | %7d | %8d | %6d | %4d | %7d |",
                name,
                injected,
                attempted.get(),
                acknowledgedCount(),
                failed.get(),
                lost,
                Duration.ofNanos(slowestNanos.get()).toMillis());
    }

    /** The header of the fault table. */
    static String tableHeader() {
        return String.format(
                "| %-40s | %8s | %7s | %8s | %6s | %4s | %7s |",
                "fault", "injected", "creates", "survived", "failed", "lost", "slow ms");
    }

    private List<CodeLog> listAll() {
        List<CodeLog> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<CodeLog> logs = repository.listRunLogs(run, null, PageRequest.MAX_LIMIT, page);
            all.addAll(logs);
            if (logs.size() < PageRequest.MAX_LIMIT) {
                return all;
            }
        }
    }
}
