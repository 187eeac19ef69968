package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class CodeLogJsonPropertiesTest {

    private final CodeLogJson json = new CodeLogJson();

    @Property(tries = 2_000)
    void everyLogRoundTripsExactly(
            @ForAll("contents") String content,
            @ForAll LogType type,
            @ForAll @LongRange(min = -62_135_596_799L, max = 253_402_300_799L) long createdSecond,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanos,
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long updateDelayNanos) {
        Instant createdAt = Instant.ofEpochSecond(createdSecond, nanos);
        CodeLog log = new CodeLog(
                "507f1f77bcf86cd799439012",
                "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
                "507f191e810c19729de860ea",
                type,
                content,
                createdAt,
                createdAt.plusNanos(updateDelayNanos));

        assertThat(json.read(json.write(log))).isEqualTo(log);
    }

    @Provide
    Arbitrary<String> contents() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of("\"", "\\", "\n", "\u0000", "\uD83D\uDE00", "\uD800", "\uDFFF", "/", "</", "\u2028")
                        .list()
                        .ofMaxSize(50)
                        .map(pieces -> String.join("", pieces)));
    }
}
