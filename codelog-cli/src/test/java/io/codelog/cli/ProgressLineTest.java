package io.codelog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.migration.MigrationProgress;
import io.codelog.migration.PartitionCounts;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The progress text: percent of days, counts, rate and the time left from this run's own pace. */
class ProgressLineTest {

    @Test
    @DisplayName("a bar: percent of days, logs, rate, time left and quarantined")
    void bar() {
        ProgressLine line = new ProgressLine("mongo-to-s3");
        line.bar(progress(0, 60, 0, Duration.ZERO));

        String text = line.bar(progress(15, 60, 4_000, Duration.ofSeconds(20)));

        assertThat(text)
                .isEqualTo(
                        "[######..................]  25%  15/60 days  4,000 logs  200 logs/s  ETA 1:00  quarantined 2");
    }

    @Test
    @DisplayName("a line for logs: the same facts, written out")
    void line() {
        ProgressLine line = new ProgressLine("s3-to-mongo");
        line.line(progress(0, 10, 0, Duration.ZERO));

        assertThat(line.line(progress(5, 10, 1_000, Duration.ofSeconds(10))))
                .isEqualTo("s3-to-mongo: 5/10 days (50%), 1,000 read, 990 written, 8 skipped, 2 quarantined,"
                        + " 100 logs/s, ETA 10.0 s");
    }

    @Test
    @DisplayName("a resumed job is not credited with the days earlier runs did")
    void resumed() {
        ProgressLine line = new ProgressLine("mongo-to-s3");
        line.line(progress(50, 60, 0, Duration.ZERO));

        assertThat(line.line(progress(50, 60, 10, Duration.ofSeconds(5)))).endsWith("ETA --");
        assertThat(line.line(progress(55, 60, 500, Duration.ofSeconds(10)))).endsWith("ETA 10.0 s");
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
