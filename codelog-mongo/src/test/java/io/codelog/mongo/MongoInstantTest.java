package io.codelog.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Splitting an instant into a BSON date and a nanosecond remainder loses nothing. */
class MongoInstantTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-12-10T18:04:05.123456789Z",
                "2024-12-10T18:04:05Z",
                "2024-12-10T18:04:05.000000001Z",
                "2024-12-10T18:04:05.999999999Z",
                "1969-12-31T23:59:59.999999999Z",
                "1960-01-01T00:00:00.000500Z",
                "0001-01-01T00:00:00.000000007Z"
            })
    void splitsIntoMillisAndARemainderThatRebuildTheExactInstant(String text) {
        Instant instant = Instant.parse(text);

        MongoInstant split = MongoInstant.of(instant);

        assertThat(split.nanosOfMilli()).isBetween(0, 999_999);
        assertThat(split.date().getTime()).isEqualTo(split.millis());
        assertThat(split.toInstant()).isEqualTo(instant);
    }

    @Test
    void keepsTheMillisecondABsonDateWouldHold() {
        MongoInstant split = MongoInstant.of(Instant.parse("1969-12-31T23:59:59.999999999Z"));

        assertThat(split.millis()).isEqualTo(-1);
        assertThat(split.nanosOfMilli()).isEqualTo(999_999);
    }

    @Test
    void rejectsARemainderOfAWholeMillisecondOrMore() {
        assertThatThrownBy(() -> new MongoInstant(0, 1_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MongoInstant(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
