package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeLogTimestampsTest {

    private static final Instant SECOND = Instant.parse("2024-12-10T18:04:05Z");

    @ParameterizedTest
    @CsvSource({
        "0, 2024-12-10T18:04:05Z",
        "100000000, 2024-12-10T18:04:05.100Z",
        "123000000, 2024-12-10T18:04:05.123Z",
        "1000, 2024-12-10T18:04:05.000001Z",
        "123456000, 2024-12-10T18:04:05.123456Z",
        "10, 2024-12-10T18:04:05.000000010Z",
        "123456789, 2024-12-10T18:04:05.123456789Z"
    })
    void formatWritesUtcWithFractionalDigitsInGroupsOfThree(long nanos, String expected) {
        assertThat(CodeLogTimestamps.format(SECOND.plusNanos(nanos))).isEqualTo(expected);
    }

    @Test
    void formatThenParseIsExact() {
        for (Instant instant : new Instant[] {
            Instant.EPOCH,
            SECOND,
            SECOND.plusMillis(7),
            SECOND.plusNanos(1),
            SECOND.plusNanos(999_999_999),
            Instant.parse("1999-12-31T23:59:59.999999Z"),
            Instant.parse("9999-12-31T23:59:59.999999999Z")
        }) {
            assertThat(CodeLogTimestamps.parse("created_at", CodeLogTimestamps.format(instant)))
                    .isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "2024-12-10T18:04:05Z, 2024-12-10T18:04:05Z",
        "2024-12-10T18:04:05z, 2024-12-10T18:04:05Z",
        "2024-12-10T23:34:05+05:30, 2024-12-10T18:04:05Z",
        "2024-12-10T15:04:05-03:00, 2024-12-10T18:04:05Z",
        "2024-12-10T18:04:05+00:00, 2024-12-10T18:04:05Z",
        "2024-12-10T15:04:05.123456789-03:00, 2024-12-10T18:04:05.123456789Z",
        "2024-12-11T00:04:05.5+06:00, 2024-12-10T18:04:05.500Z"
    })
    void parseAppliesTheOffset(String text, Instant expected) {
        assertThat(CodeLogTimestamps.parse("created_at", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789"})
    void parseAcceptsOneToNineFractionalDigits(String digits) {
        long expectedNanos = Long.parseLong((digits + "000000000").substring(0, 9));

        assertThat(CodeLogTimestamps.parse("created_at", "2024-12-10T18:04:05." + digits + "Z"))
                .isEqualTo(SECOND.plusNanos(expectedNanos));
        assertThat(CodeLogTimestamps.parse("created_at", "2024-12-10T15:04:05." + digits + "-03:00"))
                .isEqualTo(SECOND.plusNanos(expectedNanos));
        assertThat(CodeLogTimestamps.parse("created_at", "2024-12-10T18:04:05." + digits))
                .isEqualTo(SECOND.plusNanos(expectedNanos));
    }

    @ParameterizedTest
    @CsvSource({
        "2025-12-15T22:00:00.123456+00:00, 2025-12-15T22:00:00.123456Z",
        "2025-12-15T22:00:00.123456, 2025-12-15T22:00:00.123456Z",
        "2025-12-15T22:00:00, 2025-12-15T22:00:00Z",
        "2025-12-15 22:00:00.123456, 2025-12-15T22:00:00.123456Z",
        "2025-12-15 22:00:00.123456+00:00, 2025-12-15T22:00:00.123456Z",
        "2025-12-15 19:00:00-03:00, 2025-12-15T22:00:00Z"
    })
    void parseReadsPythonIsoformat(String text, Instant expected) {
        assertThat(CodeLogTimestamps.parse("created_at", text)).isEqualTo(expected);
    }

    @Test
    void goZeroTimeReadsAsNull() {
        assertThat(CodeLogTimestamps.parse("updated_at", "0001-01-01T00:00:00Z"))
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "yesterday",
                "secret-log-line",
                "1733853845",
                "2024-12-10",
                "2024-12-10T",
                "2024-13-01T00:00:00Z",
                "2024-12-10T25:00:00Z",
                "2024-12-10T18:04:05.1234567890Z",
                "2024-12-10T18:04:05+25:00",
                "2024/12/10 18:04:05",
                "Tue, 10 Dec 2024 18:04:05 GMT"
            })
    void garbageIsMalformedNamingTheField(String text) {
        assertThatThrownBy(() -> CodeLogTimestamps.parse("updated_at", text))
                .isInstanceOf(MalformedCodeLogException.class)
                .hasMessageContaining("updated_at")
                .message()
                .satisfies(message -> {
                    if (!text.isEmpty()) {
                        assertThat(message).doesNotContain(text);
                    }
                });
    }

    /** A missing value (e.g. an absent metadata header) is malformed, not a NullPointerException. */
    @Test
    void nullIsMalformedNamingTheField() {
        assertThatThrownBy(() -> CodeLogTimestamps.parse("created_at", null))
                .isInstanceOf(MalformedCodeLogException.class)
                .hasMessageContaining("created_at");
    }
}
