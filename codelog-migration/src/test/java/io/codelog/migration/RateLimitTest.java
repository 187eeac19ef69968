package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The job's request rate limit holds over a bounded run at full concurrency. */
@ExtendWith(TestServers.class)
class RateLimitTest {

    private static final LocalDate FROM = LocalDate.of(2024, 8, 1);
    private static final int LOGS = 150;
    private static final double LIMIT = 100;

    private MigrationFixture fixture;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
        new LogSeeder(5).seed(fixture.logs(), FROM, 3, LOGS);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("303 requests at 100 requests/s with 16 threads take at least 2.9 s: no more than the limit plus"
            + " one burst of 10")
    void staysUnderTheLimit() {
        fixture.resetCounts();
        MigrationRun run = fixture.forward(MutableClock.at("2025-01-01T00:00:00Z"))
                .migrate(
                        MigrationJob.of("limited", FROM, FROM.plusDays(3))
                                .withConcurrency(16)
                                .withMaxRequestsPerSecond(LIMIT),
                        MigrationListener.none());

        long start = System.nanoTime();
        MigrationSummary summary = run.call();
        double seconds = (System.nanoTime() - start) / 1e9;

        long requests = fixture.counter.total();
        assertThat(requests)
                .isEqualTo(2L * LOGS + 3)
                .isEqualTo(summary.requests().total());
        double burst = TokenBucket.perSecond(LIMIT).capacity();
        assertThat(requests).as("%d requests in %.2f s", requests, seconds).isLessThanOrEqualTo((long)
                Math.floor(LIMIT * seconds + burst));
        assertThat(requests / seconds).isLessThanOrEqualTo(LIMIT * 1.05 + burst / seconds);
    }
}
