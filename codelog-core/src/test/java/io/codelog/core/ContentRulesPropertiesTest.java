package io.codelog.core;

import static io.codelog.test.generators.Generators.elements;
import static io.codelog.test.generators.Generators.integers;
import static io.codelog.test.generators.Generators.joined;
import static io.codelog.test.generators.Generators.oneOf;
import static io.codelog.test.generators.Generators.strings;
import static io.codelog.test.generators.Generators.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.generators.Chars;
import io.codelog.test.generators.Generator;
import io.codelog.test.generators.Property;
import io.codelog.test.generators.Tally;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ContentRulesPropertiesTest {

    private static final Generator<Integer> LIMITS = integers(1, 40);

    @TestFactory
    Stream<DynamicTest> truncationOfWellFormedTextIsAPrefixWithinTheLimitEndingOnACodePoint() {
        Tally straddles = new Tally("pair straddles the limit");
        Stream<DynamicTest> tries = Property.forAll(withLimit(wellFormedText()))
                .tries(2_000)
                .check(sample -> {
                    String content = sample.content();
                    int max = sample.max();
                    String result = new ContentRules(max, ContentPolicy.TRUNCATE).apply(content);

                    assertThat(content).startsWith(result);
                    assertThat(result.length()).isLessThanOrEqualTo(max);
                    if (content.length() <= max) {
                        assertThat(result).isEqualTo(content);
                    } else {
                        assertThat(result.length()).isBetween(max - 1, max);
                    }
                    if (!result.isEmpty()) {
                        assertThat(Character.isHighSurrogate(result.charAt(result.length() - 1)))
                                .as("ends in a lone high surrogate")
                                .isFalse();
                    }
                    straddles.add(content.length() > max && Character.isLowSurrogate(content.charAt(max)));
                });
        return Stream.concat(tries, Stream.of(straddles.atLeast(5, true)));
    }

    @TestFactory
    Stream<DynamicTest> truncationNeverSplitsAPairEvenInTextWithLoneSurrogates() {
        return Property.forAll(withLimit(textWithLoneSurrogates())).tries(2_000).check(sample -> {
            String content = sample.content();
            String result = new ContentRules(sample.max(), ContentPolicy.TRUNCATE).apply(content);

            assertThat(content).startsWith(result);
            assertThat(result.length()).isLessThanOrEqualTo(sample.max());
            int cut = result.length();
            if (cut > 0 && cut < content.length()) {
                boolean splitsPair = Character.isHighSurrogate(content.charAt(cut - 1))
                        && Character.isLowSurrogate(content.charAt(cut));
                assertThat(splitsPair).as("splits a surrogate pair at %d", cut).isFalse();
            }
        });
    }

    private static Generator<Sample> withLimit(Generator<String> contents) {
        return random -> new Sample(contents.next(random), LIMITS.next(random));
    }

    private static Generator<String> wellFormedText() {
        Generator<Integer> ascii = integers(0x20, 0x7e);
        Generator<Integer> bmp =
                integers(0x80, 0xfffd).filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
        Generator<Integer> supplementary = integers(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT);
        Generator<Integer> codePoint = weighted(3, ascii).or(1, bmp).or(3, supplementary);
        return codePoint.list(0, 40).map(ContentRulesPropertiesTest::fromCodePoints);
    }

    private static Generator<String> textWithLoneSurrogates() {
        Generator<String> piece =
                oneOf(strings(Chars.all(), 1, 3), elements("\uD83D\uDE00", "\uD800", "\uDFFF", "\uDBFF\uDFFF", "a"));
        return joined(piece, 0, 30);
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    /** A content and the length limit it is truncated to. */
    private record Sample(String content, int max) {}
}
