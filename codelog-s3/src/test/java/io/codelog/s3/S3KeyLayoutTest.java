package io.codelog.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3KeyLayoutTest {

    private static final String RUN = "65f2c3a1b4d5e6f708192a3b";
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
    private static final String ID = "65f2c3a1b4d5e6f708192a01";
    private static final LocalDate DAY = LocalDate.of(2025, 3, 4);

    private final S3KeyLayout layout = new S3KeyLayout("my-bucket", "codeactions");

    @Test
    @DisplayName("builds the Go service's keys, day and run prefixes and the index key")
    void builds() {
        assertThat(layout.logKey(DAY, RUN, CODE, ID))
                .isEqualTo("codeactions/logs/2025/03/04/" + RUN + "/" + CODE + "/" + ID + ".json");
        assertThat(layout.dayPrefix(LogKey.Root.LEGACY, DAY)).isEqualTo("my-bucket/codeactions/logs/2025/03/04/");
        assertThat(layout.runPrefix(LogKey.Root.STANDARD, DAY, RUN, null))
                .isEqualTo("codeactions/logs/2025/03/04/" + RUN + "/");
        assertThat(layout.runPrefix(LogKey.Root.STANDARD, DAY, RUN, CODE))
                .isEqualTo("codeactions/logs/2025/03/04/" + RUN + "/" + CODE + "/");
        assertThat(layout.indexKey(ID)).isEqualTo("codeactions/index/" + ID + ".json");
        assertThat(new S3KeyLayout("b", "").logKey(DAY, RUN, CODE, ID)).startsWith("logs/2025/03/04/");
    }

    @Test
    @DisplayName("parses what it builds, under both roots, and maps a key to its other root")
    void parsesBoth() {
        String key = layout.logKey(DAY, RUN, CODE, ID);
        assertThat(layout.parse(key)).contains(new LogKey(key, LogKey.Root.STANDARD, DAY, RUN, CODE, ID));
        String legacy = "my-bucket/" + key;
        assertThat(layout.parse(legacy)).contains(new LogKey(legacy, LogKey.Root.LEGACY, DAY, RUN, CODE, ID));
        assertThat(layout.counterpartKey(layout.parse(key).orElseThrow())).isEqualTo(legacy);
        assertThat(layout.counterpartKey(layout.parse(legacy).orElseThrow())).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "codeactions/logs/2025/01/01/x.json",
                "codeactions/logs/2025/03/04/" + RUN + "/" + CODE + "/" + ID + ".txt",
                "codeactions/logs/2025/03/04/" + RUN + "/" + CODE + "/" + ID + ".json/x",
                "codeactions/logs/2025/3/04/" + RUN + "/" + CODE + "/" + ID + ".json",
                "codeactions/logs/2025/02/30/" + RUN + "/" + CODE + "/" + ID + ".json",
                "codeactions/logs/+025/03/04/" + RUN + "/" + CODE + "/" + ID + ".json",
                "codeactions/logs/2025/03/04/" + RUN + "/" + CODE + "/65F2C3A1B4D5E6F708192A01.json",
                "codeactions/logs/2025/03/04/" + RUN + "/x/" + ID + ".json",
                "codeactions/logs/2025/03/04/" + RUN + "/" + CODE + "/extra/" + ID + ".json",
                "codeactions/logs/2025/03/04/" + RUN + "//" + ID + ".json",
                "other/logs/2025/03/04/" + RUN + "/" + CODE + "/" + ID + ".json",
                "codeactions/index/" + ID + ".json",
                ""
            })
    @DisplayName("rejects every key that is not exactly a log key")
    void rejectsOddKeys(String key) {
        assertThat(layout.parse(key)).isEmpty();
    }

    @Test
    @DisplayName("normalises prefixes and rejects those that break the rule, naming it")
    void prefixes() {
        assertThat(S3KeyLayout.normalizePrefix(null)).isEmpty();
        assertThat(S3KeyLayout.normalizePrefix("//")).isEmpty();
        assertThat(S3KeyLayout.normalizePrefix("/a/b.c_d-e/")).isEqualTo("a/b.c_d-e");
        for (String bad : new String[] {"a//b", "a/../b", "./a", "a b", "a/%2F", "ü", "a\nb", "x".repeat(513)}) {
            assertThatThrownBy(() -> S3KeyLayout.normalizePrefix(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a prefix must be segments of [A-Za-z0-9._-]");
        }
        assertThat(S3KeyLayout.normalizePrefix("x".repeat(512))).hasSize(512);
    }
}
