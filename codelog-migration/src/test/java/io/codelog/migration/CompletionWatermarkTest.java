package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionWatermarkTest {

    private static SourceEntry entry(String position) {
        return new SourceEntry("2024-01-01", position, "key-" + position, null);
    }

    @Test
    void advancesOnlyOverAnUnbrokenPrefix() {
        CompletionWatermark watermark =
                new CompletionWatermark(new Checkpoint("0", "key-0", new PartitionCounts(5, 5, 0, 0)));
        long first = watermark.begin(entry("1"));
        long second = watermark.begin(entry("2"));
        long third = watermark.begin(entry("3"));

        watermark.finish(third, CompletionWatermark.Outcome.SKIPPED);
        watermark.finish(second, CompletionWatermark.Outcome.QUARANTINED);
        assertThat(watermark.checkpoint()).isEqualTo(new Checkpoint("0", "key-0", new PartitionCounts(5, 5, 0, 0)));

        watermark.finish(first, CompletionWatermark.Outcome.MIGRATED);
        assertThat(watermark.checkpoint()).isEqualTo(new Checkpoint("3", "key-3", new PartitionCounts(8, 6, 1, 1)));
    }

    @Test
    void anEntryThatNeverFinishesHoldsTheWatermarkBeforeIt() {
        CompletionWatermark watermark = new CompletionWatermark(new Checkpoint(null, null, PartitionCounts.ZERO));
        long ok = watermark.begin(entry("1"));
        watermark.begin(entry("2"));
        long later = watermark.begin(entry("3"));
        watermark.finish(ok, CompletionWatermark.Outcome.MIGRATED);
        watermark.finish(later, CompletionWatermark.Outcome.MIGRATED);

        assertThat(watermark.checkpoint()).isEqualTo(new Checkpoint("1", "key-1", new PartitionCounts(1, 1, 0, 0)));
    }

    @Test
    void anEntryWithoutPositionKeepsThePreviousOne() {
        CompletionWatermark watermark = new CompletionWatermark(new Checkpoint("7", "key-7", PartitionCounts.ZERO));
        long undated = watermark.begin(entry(null));
        watermark.finish(undated, CompletionWatermark.Outcome.QUARANTINED);

        assertThat(watermark.checkpoint().position()).isEqualTo("7");
        assertThat(watermark.checkpoint().lastId()).isEqualTo("key-null");
    }
}
