package io.codelog.it.history;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.IdGenerator;
import io.codelog.core.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Records a history of one store: the plan's clients call it at once until the operation or time limit, telling a
 * listener the number of each operation as it ends (which is how faults are timed); then, once the caller has
 * settled the store, every run is listed and counted and every id believed live is read, each as one more
 * invocation of the history.
 */
public final class HistoryRecorder {

    private static final long FINISH_MARGIN_SECONDS = 120;

    private final HistoryPlan plan;
    private final Invoker invoker;
    private final List<String> runs = new ArrayList<>();
    private final Map<String, List<String>> suppliedIds = new HashMap<>();
    private final KnownIds known;
    private final OperationMix mix;
    private final Queue<Invocation> recorded = new ConcurrentLinkedQueue<>();
    private final AtomicLong numbers = new AtomicLong();
    private final AtomicLong issued = new AtomicLong();

    /** A recorder of the store with runs and supplied ids dated now. */
    public HistoryRecorder(HistoryPlan plan, CodeLogRepository store) {
        this.plan = plan;
        this.invoker = new Invoker(store);
        IdGenerator ids = IdGenerator.objectIds();
        for (int r = 0; r < plan.runs(); r++) {
            String run = ids.newId(Instant.now());
            runs.add(run);
            List<String> supplied = new ArrayList<>();
            for (int s = 0; s < plan.suppliedIdsPerRun(); s++) {
                supplied.add(ids.newId(Instant.now()));
            }
            suppliedIds.put(run, List.copyOf(supplied));
        }
        this.known = new KnownIds(runs);
        this.mix = new OperationMix(plan, runs, suppliedIds, known);
    }

    /**
     * Creates logs in another store before the clients start, each run's first supplied ids among them, recorded
     * as part of the history: the old logs a fallback's secondary holds.
     */
    public void seed(CodeLogRepository other, int logsPerRun) {
        Invoker seeding = new Invoker(other);
        SplittableRandom random = new SplittableRandom(plan.seed() ^ 0x5eed);
        for (String run : runs) {
            List<String> supplied = suppliedIds.get(run);
            for (int n = 0; n < logsPerRun; n++) {
                long number = numbers.getAndIncrement();
                String id = n < supplied.size() / 2 ? supplied.get(n) : null;
                keep(seeding.invoke(number, -1, Call.create(run, id, OperationMix.content(number, random))));
            }
        }
        recorded.stream()
                .filter(invocation -> invocation.outcome() != Outcome.OK)
                .findFirst()
                .ifPresent(failed -> {
                    throw new IllegalStateException("seeding failed: " + failed);
                });
    }

    /**
     * Runs the clients to the plan's limits, then {@code settle} (which must leave no request of a failed call still
     * in flight), then the final reads.
     *
     * @param afterEach told the number of each client operation as it ends
     * @param settle ends the faults and waits until the store has no request in flight
     */
    public History record(LongConsumer afterEach, Runnable settle) throws Exception {
        long deadline = System.nanoTime() + plan.maxDuration().toNanos();
        SplittableRandom seeds = new SplittableRandom(plan.seed());
        ExecutorService pool = Executors.newFixedThreadPool(plan.clients());
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < plan.clients(); c++) {
                int client = c;
                SplittableRandom random = seeds.split();
                clients.add(pool.submit(() -> runClient(client, random, deadline, afterEach)));
            }
            for (Future<?> client : clients) {
                client.get(plan.maxDuration().toSeconds() + FINISH_MARGIN_SECONDS, TimeUnit.SECONDS);
            }
            settle.run();
            long settledAt = System.nanoTime();
            List<Future<?>> finalReads = new ArrayList<>();
            for (Call call : finalCalls()) {
                finalReads.add(
                        pool.submit(() -> keep(invoker.invoke(numbers.getAndIncrement(), plan.clients(), call))));
            }
            for (Future<?> read : finalReads) {
                read.get(FINISH_MARGIN_SECONDS, TimeUnit.SECONDS);
            }
            return new History(plan.seed(), List.copyOf(recorded), settledAt);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Calls that threw something other than the store's typed exceptions. */
    public Queue<String> unexpected() {
        return invoker.unexpected();
    }

    private void runClient(int client, SplittableRandom random, long deadline, LongConsumer afterEach) {
        while (true) {
            long operation = issued.getAndIncrement();
            if (operation >= plan.operations() || System.nanoTime() - deadline > 0) {
                return;
            }
            long number = numbers.getAndIncrement();
            keep(invoker.invoke(number, client, mix.next(random, client, number)));
            afterEach.accept(operation);
        }
    }

    private void keep(Invocation invocation) {
        recorded.add(invocation);
        known.learn(invocation);
    }

    private List<Call> finalCalls() {
        List<Call> calls = new ArrayList<>();
        for (String run : runs) {
            calls.add(Call.list(run, PageRequest.MAX_LIMIT));
            calls.add(Call.count(run));
        }
        Set<String> ids = new LinkedHashSet<>(known.allLive());
        suppliedIds.values().forEach(ids::addAll);
        ids.forEach(id -> calls.add(Call.find(id)));
        return calls;
    }
}
