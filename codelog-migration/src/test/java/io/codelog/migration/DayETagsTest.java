package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DayETagsTest {

    private static final String MD5_A = "0123456789abcdef0123456789abcdef";
    private static final String MD5_B = "fedcba9876543210fedcba9876543210";

    @Test
    void answersFromTheListing() {
        DayETags.Builder builder = new DayETags.Builder(10);
        builder.add("logs/2024/01/01/a.json", MD5_A);
        builder.add("logs/2024/01/01/b.json", "abc-2");
        DayETags etags = builder.build();

        assertThat(etags.lookup("logs/2024/01/01/a.json", MD5_A)).isEqualTo(DayETags.Answer.SAME);
        assertThat(etags.lookup("logs/2024/01/01/a.json", MD5_B)).isEqualTo(DayETags.Answer.OTHER);
        assertThat(etags.lookup("logs/2024/01/01/b.json", MD5_A))
                .as("a multipart ETag is no MD5")
                .isEqualTo(DayETags.Answer.UNKNOWN);
        assertThat(etags.lookup("logs/2024/01/01/c.json", MD5_A)).isEqualTo(DayETags.Answer.ABSENT);
    }

    @Test
    void stopsAtItsCapAndGrowsUpToIt() {
        DayETags.Builder builder = new DayETags.Builder(3_000);
        for (int i = 0; i < 3_000; i++) {
            assertThat(builder.add("key-" + i, MD5_A)).isTrue();
        }
        assertThat(builder.add("one too many", MD5_A)).isFalse();
        DayETags etags = builder.build();
        for (int i = 0; i < 3_000; i++) {
            assertThat(etags.lookup("key-" + i, MD5_A)).isEqualTo(DayETags.Answer.SAME);
        }
        assertThat(DayETags.UNKNOWN.lookup("key-1", MD5_A)).isEqualTo(DayETags.Answer.UNKNOWN);
    }
}
