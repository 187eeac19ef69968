package io.codelog.core;

import static io.codelog.test.generators.Generators.elements;
import static io.codelog.test.generators.Generators.enums;
import static io.codelog.test.generators.Generators.joined;
import static io.codelog.test.generators.Generators.longs;
import static io.codelog.test.generators.Generators.oneOf;
import static io.codelog.test.generators.Generators.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.generators.Chars;
import io.codelog.test.generators.Generator;
import io.codelog.test.generators.Property;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class CodeLogJsonPropertiesTest {

    private static final Generator<String> CONTENTS = oneOf(
            strings(Chars.all(), 0, 200),
            joined(
                    elements("\"", "\\", "\n", "\u0000", "\uD83D\uDE00", "\uD800", "\uDFFF", "/", "</", "\u2028"),
                    0,
                    50));
    private static final Generator<Long> CREATED_SECONDS = longs(-62_135_596_799L, 253_402_300_799L);
    private static final Generator<Long> NANOS = longs(0, 999_999_999);
    private static final Generator<Long> UPDATE_DELAY_NANOS = longs(0, 10_000_000_000L);
    private static final Generator<LogType> TYPES = enums(LogType.class);

    private final CodeLogJson json = new CodeLogJson();

    @TestFactory
    Stream<DynamicTest> everyLogRoundTripsExactly() {
        Generator<CodeLog> logs = random -> {
            Instant createdAt = Instant.ofEpochSecond(CREATED_SECONDS.next(random), NANOS.next(random));
            return new CodeLog(
                    "507f1f77bcf86cd799439012",
                    "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
                    "507f191e810c19729de860ea",
                    TYPES.next(random),
                    CONTENTS.next(random),
                    createdAt,
                    createdAt.plusNanos(UPDATE_DELAY_NANOS.next(random)));
        };
        return Property.forAll(logs)
                .tries(2_000)
                .check(log -> assertThat(json.read(json.write(log))).isEqualTo(log));
    }
}
