package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectIdGeneratorTest {

    private final IdGenerator ids = IdGenerator.objectIds();

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, 1_350_508_407L, 1_733_853_845L, (1L << 31) - 1, 1L << 31, (1L << 32) - 1})
    void idIsTwentyFourLowerCaseHexStartingWithTheEpochSeconds(long seconds) {
        String id = ids.newId(Instant.ofEpochSecond(seconds, 999_999_999));

        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(Long.parseLong(id.substring(0, 8), 16)).isEqualTo(seconds);
        assertThat(CodeLogIds.objectIdTime(id)).contains(Instant.ofEpochSecond(seconds));
    }

    @Test
    void oneHundredThousandIdsInOneSecondAreDistinctAndStrictlyIncreasing() {
        Instant second = Instant.parse("2024-12-10T18:04:05Z");
        List<String> generated = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            generated.add(ids.newId(second.plusNanos(i)));
        }

        assertThat(new HashSet<>(generated)).hasSize(100_000);
        for (int i = 1; i < generated.size(); i++) {
            assertThat(generated.get(i)).as("id %d", i).isGreaterThan(generated.get(i - 1));
        }
    }

    @Test
    void idsAcrossIncreasingSecondsIncrease() {
        Instant start = Instant.parse("2038-01-19T03:14:00Z");
        String previous = "";
        Set<String> seen = new HashSet<>();
        for (int second = 0; second < 120; second++) {
            for (int inSecond = 0; inSecond < 50; inSecond++) {
                String id = ids.newId(start.plusSeconds(second).plusMillis(inSecond * 10L));

                assertThat(id).isGreaterThan(previous);
                assertThat(seen.add(id)).isTrue();
                previous = id;
            }
        }
    }

    @Test
    void onlyTheTimeAndCounterChangeWithinOneGenerator() {
        String first = ids.newId(Instant.parse("2024-12-10T18:04:05Z"));
        String second = ids.newId(Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(second.substring(8, 18)).isEqualTo(first.substring(8, 18));
    }
}
