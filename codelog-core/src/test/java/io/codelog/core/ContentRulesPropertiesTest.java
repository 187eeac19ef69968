package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

class ContentRulesPropertiesTest {

    @Property(tries = 2_000)
    void truncationOfWellFormedTextIsAPrefixWithinTheLimitEndingOnACodePoint(
            @ForAll("wellFormedText") String content, @ForAll @IntRange(min = 1, max = 40) int max) {
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
        boolean straddles = content.length() > max && Character.isLowSurrogate(content.charAt(max));
        Statistics.label("pair straddles the limit").collect(straddles);
        Statistics.label("pair straddles the limit")
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= 5));
    }

    @Property(tries = 2_000)
    void truncationNeverSplitsAPairEvenInTextWithLoneSurrogates(
            @ForAll("textWithLoneSurrogates") String content, @ForAll @IntRange(min = 1, max = 40) int max) {
        String result = new ContentRules(max, ContentPolicy.TRUNCATE).apply(content);

        assertThat(content).startsWith(result);
        assertThat(result.length()).isLessThanOrEqualTo(max);
        int cut = result.length();
        if (cut > 0 && cut < content.length()) {
            boolean splitsPair =
                    Character.isHighSurrogate(content.charAt(cut - 1)) && Character.isLowSurrogate(content.charAt(cut));
            assertThat(splitsPair).as("splits a surrogate pair at %d", cut).isFalse();
        }
    }

    @Provide
    Arbitrary<String> wellFormedText() {
        Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7e);
        Arbitrary<Integer> bmp = Arbitraries.integers()
                .between(0x80, 0xfffd)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
        Arbitrary<Integer> supplementary =
                Arbitraries.integers().between(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT);
        Arbitrary<Integer> codePoint =
                Arbitraries.frequencyOf(Tuple.of(3, ascii), Tuple.of(1, bmp), Tuple.of(3, supplementary));
        return codePoint.list().ofMaxSize(40).map(ContentRulesPropertiesTest::fromCodePoints);
    }

    @Provide
    Arbitrary<String> textWithLoneSurrogates() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(3),
                Arbitraries.of("\uD83D\uDE00", "\uD800", "\uDFFF", "\uDBFF\uDFFF", "a"));
        return piece.list().ofMaxSize(30).map(pieces -> String.join("", pieces));
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }
}
