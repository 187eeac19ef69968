package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogOrder;
import io.codelog.core.PageRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Creates from many threads at once lose nothing and keep the listing order. */
abstract class ConcurrencyCases extends ContractCases {

    private static final int THREADS = 16;
    private static final int LOGS_PER_THREAD = 25;

    ConcurrencyCases(ContractFixture fixture) {
        super(fixture);
    }

    @Test
    @DisplayName("16 threads creating 25 logs each store 400 distinct, findable logs, listed once each in order")
    void concurrentCreates() throws Exception {
        List<CodeLog> created = createConcurrently();
        int total = THREADS * LOGS_PER_THREAD;

        Set<String> ids = new HashSet<>();
        created.forEach(log -> ids.add(log.id()));
        assertThat(ids).hasSize(total);
        assertThat(repository().count(run(), null)).isEqualTo(total);
        assertThat(created)
                .allSatisfy(log -> assertThat(repository().findById(log.id())).contains(log));

        List<CodeLog> expectedOrder = new ArrayList<>(created);
        expectedOrder.sort(CodeLogOrder.OLDEST_FIRST);
        assertThat(repository().listRunLogs(run(), null, PageRequest.MAX_LIMIT, 1))
                .containsExactlyElementsOf(expectedOrder);
    }

    private List<CodeLog> createConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<CodeLog>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<List<CodeLog>> task = () -> {
                    start.await();
                    List<CodeLog> mine = new ArrayList<>();
                    for (int i = 0; i < LOGS_PER_THREAD; i++) {
                        mine.add(create(run(), "thread " + thread + " log " + i));
                    }
                    return mine;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<CodeLog> all = new ArrayList<>();
            for (Future<List<CodeLog>> result : results) {
                all.addAll(result.get(2, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
