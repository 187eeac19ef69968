package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CodeLogIdsTest {

    private static final String TEN_THOUSAND_CHARS = "a".repeat(10_000);
    private static final String TEN_THOUSAND_HEX = "0123456789abcdef".repeat(625);

    @ParameterizedTest
    @CsvSource({
        "507f1f77bcf86cd799439011, 507f1f77bcf86cd799439011",
        "507F1F77BCF86CD799439011, 507f1f77bcf86cd799439011",
        "507f1F77bcF86cd799439011, 507f1f77bcf86cd799439011",
        "000000000000000000000000, 000000000000000000000000",
        "ffffffffffffffffffffffff, ffffffffffffffffffffffff",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf6, f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6, f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "3b241101-e2bb-4255-8caf-4136c566a962, 3b241101-e2bb-4255-8caf-4136c566a962",
        "00000000-0000-0000-0000-000000000000, 00000000-0000-0000-0000-000000000000"
    })
    void validIdsAreReturnedInLowerCase(String id, String expected) {
        assertThat(CodeLogIds.requireValid("run_id", id)).isEqualTo(expected);
        assertThat(CodeLogIds.requireValidOrNull("run_id", id)).isEqualTo(expected);
    }

    @Test
    void objectIdsAndUuidsAreToldApart() {
        assertThat(CodeLogIds.isObjectId("507f1f77bcf86cd799439011")).isTrue();
        assertThat(CodeLogIds.isUuid("507f1f77bcf86cd799439011")).isFalse();
        assertThat(CodeLogIds.isUuid("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")).isTrue();
        assertThat(CodeLogIds.isObjectId("f81d4fae-7dec-11d0-a765-00a0c91e6bf6"))
                .isFalse();
        assertThat(CodeLogIds.isObjectId(null)).isFalse();
        assertThat(CodeLogIds.isUuid(null)).isFalse();
    }

    static Stream<Arguments> invalidIds() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("null", null),
                Arguments.of("slash", "/"),
                Arguments.of("dot dot", ".."),
                Arguments.of("path traversal", "../507f1f77bcf86cd799439011"),
                Arguments.of("encoded slash", "%2F"),
                Arguments.of("24 chars with encoded slash", "507f1f77bcf86cd79943%2F1"),
                Arguments.of("24 chars with slash", "507f1f77bcf86cd79943901/"),
                Arguments.of("24 chars with dots", "507f1f77bcf86cd799439..1"),
                Arguments.of("leading space", " 507f1f77bcf86cd799439011"),
                Arguments.of("trailing newline", "507f1f77bcf86cd799439011\n"),
                Arguments.of("inner space", "507f1f77bcf86 d799439011"),
                Arguments.of("whitespace only", "   \t"),
                Arguments.of("NUL inside", "507f1f77bcf86cd79943901\u0000"),
                Arguments.of("control char inside", "507f1f77bcf86cd79943901\u001b"),
                Arguments.of("DEL inside", "507f1f77bcf86cd79943901\u007f"),
                Arguments.of("23 hex", "507f1f77bcf86cd79943901"),
                Arguments.of("25 hex", "507f1f77bcf86cd7994390111"),
                Arguments.of("24 chars not hex", "507f1f77bcf86cd79943901g"),
                Arguments.of("uuid without dashes", "f81d4fae7dec11d0a76500a0c91e6bf6"),
                Arguments.of("uuid dashes misplaced", "f81d4fa-e7dec-11d0-a765-00a0c91e6bf6"),
                Arguments.of("uuid dash replaced by hex", "f81d4fae07dec-11d0-a765-00a0c91e6bf6"),
                Arguments.of("uuid with braces", "{f81d4fae-7dec-11d0-a765-00a0c91e6bf6}"),
                Arguments.of("uuid urn", "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6"),
                Arguments.of("uuid with extra group char", "f81d4fae-7dec-11d0-a765-00a0c91e6bf6a"),
                Arguments.of("arabic-indic digits", "\u0665\u0660\u0667f1f77bcf86cd799439011"),
                Arguments.of("fullwidth digits", "\uFF15\uFF10\uFF17f1f77bcf86cd799439011"),
                Arguments.of("fullwidth letters", "507\uFF46\uFF11f77bcf86cd799439011"),
                Arguments.of("10,000 chars", TEN_THOUSAND_CHARS),
                Arguments.of("10,000 hex digits", TEN_THOUSAND_HEX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIds")
    void invalidIdsAreRejectedNamingTheGivenField(String description, String id) {
        assertThatThrownBy(() -> CodeLogIds.requireValid("code_id", id))
                .isInstanceOfSatisfying(InvalidCodeLogException.class, e -> {
                    assertThat(e.field()).isEqualTo("code_id");
                    assertThat(e.getMessage()).contains("code_id").hasSizeLessThan(200);
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIds")
    void optionalIdsAreCheckedTheSameWay(String description, String id) {
        if (id == null) {
            assertThat(CodeLogIds.requireValidOrNull("run_id", null)).isNull();
            return;
        }
        assertThatThrownBy(() -> CodeLogIds.requireValidOrNull("run_id", id))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo("run_id"));
    }

    @Test
    void messageOfAHugeIdGivesItsLengthNotItsValue() {
        assertThatThrownBy(() -> CodeLogIds.requireValid("id", TEN_THOUSAND_CHARS))
                .isInstanceOf(InvalidCodeLogException.class)
                .hasMessageContaining("10000 characters")
                .message()
                .doesNotContain("a".repeat(41));
    }

    @Test
    void messageEscapesControlCharactersSoItCannotForgeLogLines() {
        String forged = "x\n2024-12-10 INFO forged\r\u001b[31m";

        assertThatThrownBy(() -> CodeLogIds.requireValid("id", forged))
                .isInstanceOf(InvalidCodeLogException.class)
                .hasMessageContaining("\\u000a")
                .message()
                .doesNotContain("\n")
                .doesNotContain("\r")
                .doesNotContain("\u001b");
    }

    @Test
    void objectIdTimeIsTheFirstFourBytesAsEpochSeconds() {
        assertThat(CodeLogIds.objectIdTime("507f1f77bcf86cd799439011"))
                .contains(Instant.ofEpochSecond(0x507f1f77L))
                .contains(Instant.parse("2012-10-17T21:13:27Z"));
        assertThat(CodeLogIds.objectIdTime("507F1F77BCF86CD799439011")).contains(Instant.ofEpochSecond(0x507f1f77L));
        assertThat(CodeLogIds.objectIdTime("000000000000000000000000")).contains(Instant.EPOCH);
    }

    @Test
    void objectIdTimeReadsTheSecondsAsUnsigned() {
        assertThat(CodeLogIds.objectIdTime("ffffffff0000000000000000")).contains(Instant.ofEpochSecond(0xffffffffL));
        assertThat(CodeLogIds.objectIdTime("8000000000000000000000ff")).contains(Instant.ofEpochSecond(1L << 31));
    }

    @Test
    void objectIdTimeIsEmptyForUuidsAndInvalidIds() {
        assertThat(CodeLogIds.objectIdTime("f81d4fae-7dec-11d0-a765-00a0c91e6bf6"))
                .isEmpty();
        assertThat(CodeLogIds.objectIdTime("507f1f77bcf86cd79943901")).isEmpty();
        assertThat(CodeLogIds.objectIdTime(null)).isEmpty();
    }
}
