package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class CodeLogIdsPropertiesTest {

    private static final Pattern CANONICAL_ID =
            Pattern.compile("[0-9a-f]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ANY_CASE_ID = Pattern.compile(
            "[0-9a-fA-F]{24}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String LOWER_HEX = "0123456789abcdef";
    private static final String ANY_CASE_HEX = "0123456789abcdefABCDEF";
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

    @Property(tries = 10_000)
    void requireValidEitherRejectsOrReturnsACanonicalId(@ForAll("candidateIds") String candidate) {
        boolean shouldAccept = ANY_CASE_ID.matcher(candidate).matches();
        Statistics.label("accepted").collect(shouldAccept);
        Statistics.label("accepted").coverage(coverage -> {
            coverage.check(true).percentage(p -> p >= 5);
            coverage.check(false).percentage(p -> p >= 50);
        });

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
    }

    @Property(tries = 2_000)
    void everyLowerCaseValidIdIsAcceptedUnchanged(@ForAll("lowerCaseValidIds") String id) {
        assertThat(CodeLogIds.requireValid("run_id", id)).isEqualTo(id);
        assertThat(CodeLogIds.isObjectId(id) ^ CodeLogIds.isUuid(id)).isTrue();
    }

    @Property(tries = 2_000)
    void everyMixedCaseValidIdIsAcceptedInLowerCase(@ForAll("mixedCaseValidIds") String id) {
        assertThat(CodeLogIds.requireValid("code_id", id)).isEqualTo(id.toLowerCase(Locale.ROOT));
    }

    @Provide
    Arbitrary<String> candidateIds() {
        Arbitrary<String> hostilePieces =
                Arbitraries.of(HOSTILE_PIECES).list().ofMaxSize(40).map(pieces -> String.join("", pieces));
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(50);
        Arbitrary<String> nearlyHex = Arbitraries.strings()
                .withChars(ANY_CASE_HEX + "-")
                .ofMinLength(22)
                .ofMaxLength(38);
        Arbitrary<String> veryLong = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(1_000).ofMaxLength(20_000),
                Arbitraries.strings().withChars(ANY_CASE_HEX).ofMinLength(25).ofMaxLength(10_000));
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                hostilePieces,
                unicode,
                nearlyHex,
                veryLong,
                mutated(validIds(ANY_CASE_HEX)),
                validIds(ANY_CASE_HEX));
    }

    @Provide
    Arbitrary<String> lowerCaseValidIds() {
        return validIds(LOWER_HEX);
    }

    @Provide
    Arbitrary<String> mixedCaseValidIds() {
        return validIds(ANY_CASE_HEX);
    }

    private static Arbitrary<String> validIds(String hexDigits) {
        Arbitrary<String> objectIds = hex(hexDigits, 24);
        Arbitrary<String> uuids = Combinators.combine(
                        hex(hexDigits, 8), hex(hexDigits, 4), hex(hexDigits, 4), hex(hexDigits, 4), hex(hexDigits, 12))
                .as((a, b, c, d, e) -> a + "-" + b + "-" + c + "-" + d + "-" + e);
        return Arbitraries.oneOf(objectIds, uuids);
    }

    private static Arbitrary<String> hex(String hexDigits, int length) {
        return Arbitraries.strings().withChars(hexDigits).ofLength(length);
    }

    private static Arbitrary<String> mutated(Arbitrary<String> ids) {
        return ids.flatMap(id -> Combinators.combine(
                        Arbitraries.integers().between(0, id.length() - 1), Arbitraries.of(HOSTILE_PIECES))
                .as((position, piece) -> id.substring(0, position) + piece + id.substring(position + 1)));
    }
}
