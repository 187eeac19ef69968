package io.codelog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.migration.HeldPartition;
import io.codelog.migration.MigrationProgress;
import io.codelog.migration.PartitionCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The progress text: percent of days, counts, rate and the time left from this run's own pace. */
class ProgressLineTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    @DisplayName("a bar: percent of days, logs, rate, time left and quarantined")
    void bar() {
        ProgressLine line = new ProgressLine("mongo-to-s3", CLOCK);
        line.bar(progress(0, 60, 0, Duration.ZERO));

        String text = line.bar(progress(15, 60, 4_000, Duration.ofSeconds(20)));

        assertThat(text)
                .isEqualTo(
                        "[######..................]  25%  15/60 days  4,000 logs  200 logs/s  ETA 1:00  quarantined 2");
    }

    @Test
    @DisplayName("a line for logs: the same facts, written out")
    void line() {
        ProgressLine line = new ProgressLine("s3-to-mongo", CLOCK);
        line.line(progress(0, 10, 0, Duration.ZERO));

        assertThat(line.line(progress(5, 10, 1_000, Duration.ofSeconds(10))))
                .isEqualTo("s3-to-mongo: 5/10 days (50%), 1,000 read, 990 written, 8 skipped, 2 quarantined,"
                        + " 100 logs/s, ETA 10.0 s");
    }

    @Test
    @DisplayName("a resumed job is not credited with the days earlier runs did")
    void resumed() {
        ProgressLine line = new ProgressLine("mongo-to-s3", CLOCK);
        line.line(progress(50, 60, 0, Duration.ZERO));

        assertThat(line.line(progress(50, 60, 10, Duration.ofSeconds(5)))).endsWith("ETA --");
        assertThat(line.line(progress(55, 60, 500, Duration.ofSeconds(10)))).endsWith("ETA 10.0 s");
    }

    @Test
    @DisplayName("waiting for a dead worker's day: the day, the holder and the time until its lease lapses")
    void waitingForALapse() {
        ProgressLine line = new ProgressLine("mongo-to-s3", CLOCK);
        MigrationProgress waiting = waiting(
                List.of(new HeldPartition(
                        "2025-02-10", "worker-4242-1a2b3c4d", CLOCK.instant().plusSeconds(72), false)),
                null);

        assertThat(line.line(waiting))
                .isEqualTo("mongo-to-s3: 10/11 days (91%), 17,990 read, 17,990 written, 0 skipped, 0 quarantined,"
                        + " 0 logs/s; waiting for 1 day held by worker-4242-1a2b3c4d (2025-02-10, lease lapses in"
                        + " 1m 12s)");
        assertThat(line.bar(waiting))
                .isEqualTo("[######################..]  91%  10/11 days  17,990 logs  waiting for 1 day held by"
                        + " worker-4242-1a2b3c4d (2025-02-10, lease lapses in 1m 12s)");
    }

    @Test
    @DisplayName("waiting for a live worker's day: alive, and when this run gives up on it")
    void waitingForALiveWorker() {
        ProgressLine line = new ProgressLine("mongo-to-s3", CLOCK);
        MigrationProgress waiting = waiting(
                List.of(
                        new HeldPartition(
                                "2025-02-09", "worker-1-aa", CLOCK.instant().plusMillis(400), false),
                        new HeldPartition(
                                "2025-02-10", "worker-2-bb", CLOCK.instant().plusSeconds(100), true)),
                CLOCK.instant().plusSeconds(588));

        assertThat(line.line(waiting))
                .endsWith("; waiting for 2 days held by worker-1-aa (2025-02-09, lease lapses in 1s), worker-2-bb"
                        + " (2025-02-10, alive: renewing its lease; giving up in 9m 48s)");
    }

    private static MigrationProgress waiting(List<HeldPartition> held, Instant giveUpAt) {
        return new MigrationProgress(
                "job", 10, 11, new PartitionCounts(17_990, 17_990, 0, 0), 0, Duration.ofSeconds(80), held, giveUpAt);
    }

    private static MigrationProgress progress(long done, long total, long read, Duration elapsed) {
        double rate = elapsed.isZero() ? 0 : read / (elapsed.toMillis() / 1000.0);
        long quarantined = read == 0 ? 0 : 2;
        long skipped = read == 0 ? 0 : 8;
        return new MigrationProgress(
                "job",
                done,
                total,
                new PartitionCounts(read, Math.max(0, read - skipped - quarantined), skipped, quarantined),
                rate,
                elapsed);
    }
}
