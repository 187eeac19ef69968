package io.codelog.core;

import static io.codelog.test.generators.Generators.constant;
import static io.codelog.test.generators.Generators.elements;
import static io.codelog.test.generators.Generators.integers;
import static io.codelog.test.generators.Generators.joined;
import static io.codelog.test.generators.Generators.oneOf;
import static io.codelog.test.generators.Generators.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.test.generators.Chars;
import io.codelog.test.generators.Generator;
import io.codelog.test.generators.Property;
import io.codelog.test.generators.Tally;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class CodeLogIdsPropertiesTest {

    private static final Pattern CANONICAL_ID =
            Pattern.compile("[0-9a-f]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ANY_CASE_ID = Pattern.compile(
            "[0-9a-fA-F]{24}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Chars LOWER_HEX = Chars.of("0123456789abcdef");
    private static final Chars ANY_CASE_HEX = Chars.of("0123456789abcdefABCDEF");
    private static final String[] HOSTILE_PIECES = {
        "/",
        "..",
        ".",
        "%2F",
        "%2f",
        "\\",
        "\u0000",
        "\n",
        "\r",
        "\t",
        " ",
        "\u007f",
        "\u0085",
        "\u2028",
        "-",
        "--",
        "\u0663",
        "\uFF10",
        "\uFF41",
        "\uD800",
        "\uDC00",
        "\uD83D\uDE00",
        "a",
        "F",
        "0",
        "9",
        "g",
        "G",
        "z",
        "\u0130"
    };

    @TestFactory
    Stream<DynamicTest> requireValidEitherRejectsOrReturnsACanonicalId() {
        Tally accepted = new Tally("accepted");
        Stream<DynamicTest> tries = Property.forAll(candidateIds())
                .tries(10_000)
                .check(candidate -> {
                    boolean shouldAccept = ANY_CASE_ID.matcher(candidate).matches();
                    accepted.add(shouldAccept);

                    if (shouldAccept) {
                        String id = CodeLogIds.requireValid("id", candidate);
                        assertThat(id).matches(CANONICAL_ID).isEqualTo(candidate.toLowerCase(Locale.ROOT));
                        assertThat(id).doesNotContain("/").doesNotContain(".");
                    } else {
                        assertThatThrownBy(() -> CodeLogIds.requireValid("id", candidate))
                                .isInstanceOfSatisfying(InvalidCodeLogException.class, e -> {
                                    assertThat(e.field()).isEqualTo("id");
                                    assertThat(e.getMessage()).hasSizeLessThan(300);
                                });
                    }
                });
        return Stream.concat(tries, Stream.of(accepted.atLeast(5, true), accepted.atLeast(50, false)));
    }

    @TestFactory
    Stream<DynamicTest> everyLowerCaseValidIdIsAcceptedUnchanged() {
        return Property.forAll(validIds(LOWER_HEX)).tries(2_000).check(id -> {
            assertThat(CodeLogIds.requireValid("run_id", id)).isEqualTo(id);
            assertThat(CodeLogIds.isObjectId(id) ^ CodeLogIds.isUuid(id)).isTrue();
        });
    }

    @TestFactory
    Stream<DynamicTest> everyMixedCaseValidIdIsAcceptedInLowerCase() {
        return Property.forAll(validIds(ANY_CASE_HEX))
                .tries(2_000)
                .check(id -> assertThat(CodeLogIds.requireValid("code_id", id)).isEqualTo(id.toLowerCase(Locale.ROOT)));
    }

    private static Generator<String> candidateIds() {
        Generator<String> hostilePieces = joined(elements(HOSTILE_PIECES), 0, 40);
        Generator<String> unicode = strings(Chars.all(), 0, 50);
        Generator<String> nearlyHex = strings(ANY_CASE_HEX.and(Chars.of("-")), 22, 38);
        Generator<String> veryLong = oneOf(strings(Chars.all(), 1_000, 20_000), strings(ANY_CASE_HEX, 25, 10_000));
        return oneOf(
                constant(""),
                hostilePieces,
                unicode,
                nearlyHex,
                veryLong,
                mutated(validIds(ANY_CASE_HEX)),
                validIds(ANY_CASE_HEX));
    }

    private static Generator<String> validIds(Chars hexDigits) {
        Generator<String> objectIds = strings(hexDigits, 24);
        Generator<String> uuids = random -> String.join(
                "-",
                strings(hexDigits, 8).next(random),
                strings(hexDigits, 4).next(random),
                strings(hexDigits, 4).next(random),
                strings(hexDigits, 4).next(random),
                strings(hexDigits, 12).next(random));
        return oneOf(objectIds, uuids);
    }

    /** A valid id with one character replaced by a hostile piece. */
    private static Generator<String> mutated(Generator<String> ids) {
        return ids.flatMap(id -> random -> {
            int position = integers(0, id.length() - 1).next(random);
            String piece = elements(HOSTILE_PIECES).next(random);
            return id.substring(0, position) + piece + id.substring(position + 1);
        });
    }
}
