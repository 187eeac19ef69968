package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogStorageException;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A failing store stops the run with a typed error, gives the partition back at its watermark, and loses nothing. */
@ExtendWith(TestServers.class)
class FailureTest {

    private static final LocalDate FROM = LocalDate.of(2024, 3, 1);
    private static final int LOGS = 600;

    private final MutableClock clock = MutableClock.at("2025-01-01T00:00:00Z");
    private MigrationFixture fixture;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
        new LogSeeder(13).seed(fixture.logs(), FROM, 2, LOGS);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("the target failing after 250 writes stops the run; the next run finishes the job")
    void targetFailureIsResumed() {
        MigrationEngine healthy = fixture.forward(clock);
        MigrationEngine failing =
                new MigrationEngine(healthy.source(), new FailingAfter(healthy.target(), 250), healthy.state(), clock);
        MigrationJob job = MigrationJob.of("failing", FROM, FROM.plusDays(2)).withCheckpointEvery(50);

        assertThatThrownBy(() -> failing.migrate(job, MigrationListener.none()).call())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Migration job 'failing' stopped")
                .hasMessageContaining("run the job again to resume")
                .hasCauseInstanceOf(CodeLogStorageException.class)
                .satisfies(e -> {
                    MigrationSummary summary = ((MigrationException) e).summary();
                    assertThat(summary.complete()).isFalse();
                    assertThat(summary.counts().migrated()).isEqualTo(250);
                });
        assertThat(healthy.state().partitions("failing"))
                .noneSatisfy(status -> assertThat(status.state()).isEqualTo(PartitionState.CLAIMED));

        MigrationSummary resumed =
                healthy.migrate(job, MigrationListener.none()).call();

        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.counts().migrated()).isEqualTo(LOGS - 250);
        assertThat(fixture.putsOfAnyKeyAbove(1)).isZero();
        assertThat(healthy.verify(VerifyJob.of(FROM, FROM.plusDays(2))).allEqual())
                .isTrue();
    }

    @Test
    @DisplayName("a job id reused for another range is refused before anything is copied")
    void jobIdCannotChangeItsRange() {
        MigrationEngine engine = fixture.forward(clock);
        engine.migrate(MigrationJob.of("fixed", FROM, FROM.plusDays(1)).withDryRun(false), MigrationListener.none())
                .call();
        fixture.resetCounts();

        assertThatThrownBy(
                        () -> engine.migrate(MigrationJob.of("fixed", FROM, FROM.plusDays(2)), MigrationListener.none())
                                .call())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Job 'fixed' was started from mongo to s3 for the days [2024-03-01, 2024-03-02)")
                .hasMessageContaining("give a new job id");
        assertThat(fixture.counter.total()).isZero();
    }

    /** A target whose writes fail once it has written a number of logs, as a store outage would. */
    private static final class FailingAfter implements LogTarget {
        private final LogTarget delegate;
        private final AtomicInteger writesLeft;

        FailingAfter(LogTarget delegate, int writes) {
            this.delegate = delegate;
            this.writesLeft = new AtomicInteger(writes);
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public TargetChecker checker(RequestGate gate) {
            return delegate.checker(gate);
        }

        @Override
        public void write(CodeLog log, RequestGate gate) {
            if (writesLeft.getAndDecrement() <= 0) {
                throw new CodeLogStorageException("s3", "put", "bucket=b key=k: SlowDown (HTTP 503)", null);
            }
            delegate.write(log, gate);
        }

        @Override
        public RequestCounts writeCost() {
            return delegate.writeCost();
        }

        @Override
        public long storedBytes(CodeLog log) {
            return delegate.storedBytes(log);
        }

        @Override
        public Optional<CodeLog> read(String id, RequestGate gate) {
            return delegate.read(id, gate);
        }
    }
}
