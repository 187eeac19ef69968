package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.TestServers;
import io.codelog.testservers.ChildProcess;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The whole forward path at volume: raw documents of every historical shape over 40 days are migrated by a
 * worker in its own JVM with a 256 MB heap (the servers stay in this one), then verify finds every log equal.
 * 10,000 logs by default, 100,000 with {@code -Plarge}; prints the throughput next to a raw PUT loop at the same
 * concurrency.
 */
@ExtendWith(TestServers.class)
class MongoToS3MigrationTest {

    private static final LocalDate FROM = LocalDate.of(2024, 11, 1);
    private static final int DAYS = 40;
    private static final int CONCURRENCY = 16;
    private static final int LOGS = Integer.getInteger("codelog.migration.largeLogs", 10_000);

    private MigrationFixture fixture;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("a worker limited to a 256 MB heap migrates every log of 40 days in both id shapes, and verify"
            + " finds 0 missing and 0 different")
    void migratesAndVerifies(MongoTestServer mongo, S3TestServer s3) {
        long seedStart = System.nanoTime();
        new LogSeeder(42).seed(fixture.logs(), FROM, DAYS, LOGS);
        System.out.printf("seeded %d documents in %.1f s%n", LOGS, (System.nanoTime() - seedStart) / 1e9);

        String summary = runWorker(mongo, s3);

        assertThat(summary)
                .contains("\"complete\":true")
                .contains(
                        "\"counts\":{\"read\":" + LOGS + ",\"migrated\":" + LOGS + ",\"skipped\":0,\"quarantined\":0}")
                .contains("\"partitions_total\":" + (DAYS + 1))
                .contains("\"requests\":{\"s3_put\":" + 2 * LOGS + ",\"s3_list\":" + DAYS + "}");
        assertThat(fixture.counter.count("PutObject"))
                .as("the worker used its own client")
                .isZero();
        assertThat(fixture.keys("tenant-a/logs/")).hasSize(LOGS);
        assertThat(fixture.keys("tenant-a/index/")).hasSize(LOGS);

        MigrationEngine engine = fixture.forward(Clock.systemUTC());
        VerificationReport report =
                engine.verify(VerifyJob.of(FROM, FROM.plusDays(DAYS)).withConcurrency(CONCURRENCY));

        assertThat(report.checked()).isEqualTo(LOGS);
        assertThat(report.missingInTarget()).isZero();
        assertThat(report.different()).isZero();
        assertThat(report.unreadable()).isZero();
        assertThat(report.differences()).isEmpty();
        assertThat(report.allEqual()).isTrue();
        assertThat(report.requests().count(RequestKind.S3_HEAD)).isEqualTo(LOGS);
        assertThat(report.requests().count(RequestKind.S3_GET)).isZero();

        double seconds = number(summary, "elapsed_seconds");
        double rawPutsPerSecond = rawPutLoop(Math.min(LOGS, 4_000));
        System.out.printf(
                "codelog-migration throughput: %d logs migrated in %.1f s = %.0f logs/s (%.0f requests/s: 2 PUTs per"
                        + " log, 1 LIST per day) in a -Xmx256m worker; verify %.0f logs/s (1 HEAD per log); raw"
                        + " PutObject loop at concurrency %d: %.0f PUT/s%n",
                LOGS,
                seconds,
                number(summary, "logs_per_second"),
                (2.0 * LOGS + DAYS) / seconds,
                LOGS / (report.elapsed().toMillis() / 1000.0),
                CONCURRENCY,
                rawPutsPerSecond);
    }

    private String runWorker(MongoTestServer mongo, S3TestServer s3) {
        try (ChildProcess worker =
                WorkerProcess.start(fixture, mongo, s3, "256m", "bulk", FROM, DAYS, CONCURRENCY, "bounded-worker")) {
            String line;
            while ((line = worker.nextLine()) != null) {
                if (line.startsWith("summary ")) {
                    return line.substring("summary ".length());
                }
            }
            throw new AssertionError("the worker exited without a summary; see target/worker-bulk.err");
        }
    }

    private static double number(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\":([0-9.Ee+-]+)").matcher(json);
        assertThat(matcher.find()).as(field).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private double rawPutLoop(int puts) {
        byte[] body = new byte[300];
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>(puts);
            for (int i = 0; i < puts; i++) {
                String key = "raw/" + i + ".json";
                done.add(pool.submit(() -> fixture.s3.putObject(
                        request -> request.bucket(fixture.bucket).key(key), RequestBody.fromBytes(body))));
            }
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new AssertionError("raw PUT loop failed", e);
        } finally {
            pool.shutdownNow();
        }
        return puts / ((System.nanoTime() - start) / 1e9);
    }
}
