package io.codelog.test.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GeneratorsTest {

    private static final int DRAWS = 2_000;

    @Test
    void integersStayInRangeAndHitBothEndsAndZero() {
        List<Integer> drawn = draw(Generators.integers(-3, 1_000_000));

        assertThat(drawn).allSatisfy(n -> assertThat(n).isBetween(-3, 1_000_000));
        assertThat(drawn).contains(-3, -2, -1, 0, 1, 999_999, 1_000_000);
    }

    @Test
    void longsReachTheExtremesOfTheirType() {
        List<Long> drawn = draw(Generators.longs(Long.MIN_VALUE, Long.MAX_VALUE));

        assertThat(drawn).contains(Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        assertThat(draw(Generators.longs(5, 5))).containsOnly(5L);
        assertThatThrownBy(() -> Generators.longs(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringsOfAllCharsMeetTheEmptyStringSurrogatesControlsAndTheLongest() {
        List<String> drawn = draw(Generators.strings(Chars.all(), 0, 50));
        String everything = String.join("", drawn);

        assertThat(drawn).allSatisfy(s -> assertThat(s.length()).isBetween(0, 50));
        assertThat(drawn).contains("");
        assertThat(drawn).anySatisfy(s -> assertThat(s).hasSize(50));
        assertThat(everything)
                .contains("\u0000", "\n", "/", ".", "\\", "\u2028", "\uD800", "\uDFFF", "\uFFFF")
                .containsPattern("[a-z]")
                .containsPattern("[\u4e00-\u9fff]");
    }

    @Test
    void stringsOfAFewCharsHoldOnlyThoseAndMeetEachOne() {
        Chars hexAndSlash = Chars.of("0123456789abcdef").and(Chars.of("/"));
        String everything = String.join("", draw(Generators.strings(hexAndSlash, 24)));

        assertThat(everything).hasSize(24 * DRAWS).matches("[0-9a-f/]+");
        assertThat(everything.chars().distinct().count()).isEqualTo(17);
        String surrogates = String.join("", draw(Generators.strings(Chars.range('\uD800', '\uDFFF'), 1, 5)));
        assertThat(surrogates.chars().allMatch(c -> Character.isSurrogate((char) c)))
                .as("only surrogates")
                .isTrue();
        assertThat(surrogates).contains("\uD800", "\uDFFF");
    }

    @Test
    void choicesFollowTheirWeights() {
        List<String> drawn = draw(
                Generators.weighted(3, Generators.constant("often")).or(1, Generators.elements("rarely", "seldom")));
        long often = drawn.stream().filter("often"::equals).count();

        assertThat(often).isBetween(DRAWS * 65L / 100, DRAWS * 85L / 100);
        assertThat(drawn).contains("rarely", "seldom");
        assertThat(Set.copyOf(draw(Generators.oneOf(Generators.constant(1), Generators.constant(2)))))
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void joinedPiecesListsMapsAndFilters() {
        List<String> joined = draw(Generators.joined(Generators.elements("..", "/"), 0, 3));

        assertThat(joined).contains("", "../..", "/../");
        assertThat(joined).allSatisfy(s -> assertThat(s).matches("(\\.\\.|/){0,3}"));
        assertThat(draw(Generators.integers(0, 9).filter(n -> n % 2 == 0).map(n -> n * 10)))
                .containsOnly(0, 20, 40, 60, 80);
        assertThatThrownBy(() -> Generators.integers(1, 1).filter(n -> n == 2).next(new SplittableRandom(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void enumsMeetEveryConstant() {
        assertThat(Set.copyOf(draw(Generators.enums(Thread.State.class)))).hasSize(Thread.State.values().length);
    }

    private static <T> List<T> draw(Generator<T> generator) {
        SplittableRandom random = new SplittableRandom(2026);
        return IntStream.range(0, DRAWS).mapToObj(i -> generator.next(random)).collect(Collectors.toList());
    }
}
