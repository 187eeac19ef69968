package io.codelog.it;

import io.codelog.it.FaultProxy.Fault;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * The faults of a history, fired as its operations reach set numbers: every period of operations starts a round of each
 * fault the store can suffer, one after another a set number of operations apart; and in the first round, when
 * operations are slow, the next fault is fired once a set time has passed since the last, so that a slow store meets
 * every fault too. S3 faults go through the store's {@link FaultProxy}: 503 SlowDown, 500, TCP
 * resets before and after the server acted, stalls past the client's attempt timeout, and an outage of {@value #OUTAGE_MILLIS} ms with every
 * connection refused; MongoDB's is a stop and a start {@value #OUTAGE_MILLIS} ms later. Faults run on a thread of
 * their own, so no client waits for one.
 */
final class FaultSchedule implements LongConsumer {

    /** The faults a history can be given, in the order of a round. */
    enum Kind {
        SLOW_DOWN_503,
        INTERNAL_ERROR_500,
        RESET,
        RESPONSE_LOST,
        STALL,
        S3_OUTAGE,
        MONGO_RESTART
    }

    static final long OUTAGE_MILLIS = 1_500;
    private static final int REQUESTS_PER_FAULT = 6;
    private static final int STALLED_REQUESTS = 3;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private final FaultProxy proxy;
    private final RestartableMongoServer mongo;
    private final long period;
    private final long spacing;
    private final List<Kind> steps = new ArrayList<>();
    private final AtomicLong nextStep = new AtomicLong();
    private final Map<Kind, AtomicLong> fired = new EnumMap<>(Kind.class);
    private final Queue<Exception> failures = new ConcurrentLinkedQueue<>();
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, task -> {
        Thread faults = new Thread(task, "history-faults");
        faults.setDaemon(true);
        return faults;
    });
    private volatile boolean settling;
    private volatile long lastFiredAt = System.nanoTime();
    private boolean s3Cut;

    /**
     * @param proxy the proxy in front of the store's S3 server, or null for a store without S3
     * @param mongo the store's MongoDB server, or null for a store without MongoDB
     * @param period how many operations apart the rounds of faults start
     * @param spacing how many operations apart the faults of a round are fired
     * @param slowest the longest time between two faults of the first round, whatever the operations
     */
    FaultSchedule(FaultProxy proxy, RestartableMongoServer mongo, long period, long spacing, Duration slowest) {
        this.proxy = proxy;
        this.mongo = mongo;
        this.period = period;
        this.spacing = spacing;
        if (proxy != null) {
            steps.addAll(List.of(
                    Kind.SLOW_DOWN_503,
                    Kind.INTERNAL_ERROR_500,
                    Kind.RESET,
                    Kind.RESPONSE_LOST,
                    Kind.STALL,
                    Kind.S3_OUTAGE));
        }
        if (mongo != null) {
            steps.add(steps.size() / 2, Kind.MONGO_RESTART);
        }
        for (Kind kind : Kind.values()) {
            fired.put(kind, new AtomicLong());
        }
        if (steps.size() * spacing >= period) {
            throw new IllegalArgumentException(
                    "a round of " + steps.size() + " faults " + spacing + " operations apart must fit in " + period);
        }
        long checkMillis = Math.max(1, Math.min(slowest.toMillis() / 4, 100));
        thread.scheduleWithFixedDelay(
                () -> {
                    long step = nextStep.get();
                    if (!settling && step < steps.size() && System.nanoTime() - lastFiredAt > slowest.toNanos()) {
                        fireNext(step);
                    }
                },
                checkMillis,
                checkMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Fires every fault whose operation number has been reached. */
    @Override
    public void accept(long operation) {
        while (!settling && !steps.isEmpty()) {
            long step = nextStep.get();
            long round = step / steps.size();
            int inRound = (int) (step % steps.size());
            long at = round * period + (inRound + 1) * spacing;
            if (operation < at) {
                return;
            }
            fireNext(step);
        }
    }

    private void fireNext(long step) {
        if (!steps.isEmpty() && nextStep.compareAndSet(step, step + 1)) {
            lastFiredAt = System.nanoTime();
            Kind kind = steps.get((int) (step % steps.size()));
            thread.execute(() -> fire(kind));
        }
    }

    /**
     * Stops firing, lets every outage end, forwards every request again and waits until no request is in flight
     * through the proxy.
     *
     * @throws IllegalStateException when a fault could not be applied or undone, or the store did not settle
     */
    void settle() {
        settling = true;
        // Ends the periodic check; outages already under way end as scheduled.
        thread.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        thread.shutdown();
        try {
            if (!thread.awaitTermination(SETTLE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the faults did not end within " + SETTLE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the faults ended", e);
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("faults failed: " + failures);
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
        if (proxy != null) {
            proxy.passThrough();
            if (!proxy.awaitIdle(SETTLE_TIMEOUT)) {
                throw new IllegalStateException("requests still in flight through the proxy after " + SETTLE_TIMEOUT);
            }
        }
    }

    /** Faulted requests, outages and restarts so far. */
    long injected() {
        long injected =
                fired.get(Kind.S3_OUTAGE).get() + fired.get(Kind.MONGO_RESTART).get();
        return injected + (proxy == null ? 0 : proxy.injected());
    }

    /** How often each fault the store can suffer was fired, e.g. {@code SLOW_DOWN_503 x2, ...}. */
    String summary() {
        return steps.stream()
                .distinct()
                .map(kind -> kind + " x" + fired.get(kind).get())
                .collect(Collectors.joining(", "));
    }

    /** Whether every fault the store can suffer was fired at least once. */
    boolean firedEach() {
        return steps.stream().allMatch(kind -> fired.get(kind).get() > 0);
    }

    private void fire(Kind kind) {
        try {
            switch (kind) {
                case SLOW_DOWN_503 -> proxy.inject(Fault.SLOW_DOWN_503, REQUESTS_PER_FAULT);
                case INTERNAL_ERROR_500 -> proxy.inject(Fault.INTERNAL_ERROR_500, REQUESTS_PER_FAULT);
                case RESET -> proxy.inject(Fault.RESET, REQUESTS_PER_FAULT);
                case RESPONSE_LOST -> proxy.inject(Fault.RESPONSE_LOST, REQUESTS_PER_FAULT);
                case STALL -> proxy.inject(Fault.STALL, STALLED_REQUESTS);
                case S3_OUTAGE -> {
                    if (s3Cut) {
                        return;
                    }
                    s3Cut = true;
                    proxy.cut();
                    thread.schedule(this::restoreS3, OUTAGE_MILLIS, TimeUnit.MILLISECONDS);
                }
                case MONGO_RESTART -> {
                    mongo.stop();
                    thread.schedule(mongo::startAgain, OUTAGE_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
            fired.get(kind).incrementAndGet();
        } catch (IOException | RuntimeException e) {
            failures.add(e);
        }
    }

    private void restoreS3() {
        try {
            proxy.restore();
            s3Cut = false;
        } catch (IOException e) {
            failures.add(e);
        }
    }
}
