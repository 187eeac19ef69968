package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CodeLogRulesConcurrencyTest {

    private static final String RUN = "507f1f77bcf86cd799439011";
    private static final String CODE = "507f191e810c19729de860ea";

    @Test
    void sixteenThreadsGetIdsInCreationOrderEvenWithAClockThatJumpsBack() throws Exception {
        JitteryClock jittery = new JitteryClock(Instant.parse("2024-12-10T18:00:00Z"));
        CodeLogRules shared = new CodeLogRules(ContentRules.DEFAULT, jittery, IdGenerator.objectIds());
        int threads = 16;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<CodeLog>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<CodeLog> mine = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) {
                        mine.add(shared.prepareCreate(CodeLog.of(RUN, CODE, LogType.INFO, "x")));
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<CodeLog> all = new ArrayList<>();
            for (Future<List<CodeLog>> future : futures) {
                List<CodeLog> mine = future.get(60, TimeUnit.SECONDS);
                assertThat(mine).extracting(CodeLog::createdAt).isSorted();
                assertThat(mine).extracting(CodeLog::id).isSorted();
                all.addAll(mine);
            }

            List<CodeLog> byId =
                    all.stream().sorted(Comparator.comparing(CodeLog::id)).toList();
            List<CodeLog> byCreation =
                    all.stream().sorted(CodeLogOrder.OLDEST_FIRST).toList();
            assertThat(new HashSet<>(all.stream().map(CodeLog::id).toList())).hasSize(threads * perThread);
            assertThat(byId).isEqualTo(byCreation);
            assertThat(byId.get(byId.size() - 1).createdAt().getEpochSecond()
                            - byId.get(0).createdAt().getEpochSecond())
                    .as("seconds crossed")
                    .isGreaterThan(5);
            assertThat(jittery.backwardSteps.get()).as("backward clock steps").isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A clock that wanders forward by random steps of up to 2 ms and, once in a hundred reads, jumps back by up
     * to 100 ms: many logs share a second, seconds are crossed (about 16 over 32,000 reads) and time goes back.
     */
    private static final class JitteryClock extends Clock {
        private final AtomicLong nanos;
        private final AtomicInteger backwardSteps = new AtomicInteger();

        JitteryClock(Instant start) {
            this.nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
        }

        @Override
        public Instant instant() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long step = random.nextInt(100) == 0 ? -random.nextLong(1, 100_000_000L) : random.nextLong(0, 2_000_000L);
            if (step < 0) {
                backwardSteps.incrementAndGet();
            }
            long value = nanos.addAndGet(step);
            return Instant.ofEpochSecond(0, value);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
