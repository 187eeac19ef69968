package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentRulesTest {

    private static final String GRINNING_FACE = "\uD83D\uDE00";

    private final ContentRules truncateAtFive = new ContentRules(5, ContentPolicy.TRUNCATE);
    private final ContentRules rejectOverFive = new ContentRules(5, ContentPolicy.REJECT);

    @ParameterizedTest
    @EnumSource(ContentPolicy.class)
    void contentWithinTheLimitIsUnchanged(ContentPolicy policy) {
        ContentRules rules = new ContentRules(5, policy);

        assertThat(rules.apply("")).isEmpty();
        assertThat(rules.apply("abc")).isEqualTo("abc");
        assertThat(rules.apply("a" + GRINNING_FACE)).isEqualTo("a" + GRINNING_FACE);
    }

    @ParameterizedTest
    @EnumSource(ContentPolicy.class)
    void contentAtTheLimitIsUnchanged(ContentPolicy policy) {
        ContentRules rules = new ContentRules(5, policy);

        assertThat(rules.apply("abcde")).isEqualTo("abcde");
        assertThat(rules.apply("abc" + GRINNING_FACE)).isEqualTo("abc" + GRINNING_FACE);
    }

    @Test
    void contentOverTheLimitIsTruncatedToExactlyTheMaximum() {
        assertThat(truncateAtFive.apply("abcdef")).isEqualTo("abcde");
        assertThat(truncateAtFive.apply("abcde" + GRINNING_FACE)).isEqualTo("abcde");
    }

    @Test
    void surrogatePairStraddlingTheBoundaryIsDroppedWhole() {
        // "abcd" + high surrogate at index 4 (the last kept) + low surrogate at index 5 (the first cut).
        String result = truncateAtFive.apply("abcd" + GRINNING_FACE + "xyz");

        assertThat(result).isEqualTo("abcd").hasSize(4);
        assertThat(Character.isHighSurrogate(result.charAt(result.length() - 1)))
                .isFalse();
    }

    @Test
    void pairThatEndsExactlyAtTheBoundaryIsKept() {
        assertThat(truncateAtFive.apply("abc" + GRINNING_FACE + "xyz")).isEqualTo("abc" + GRINNING_FACE);
    }

    @Test
    void limitOfOneDropsALeadingPairEntirely() {
        assertThat(new ContentRules(1, ContentPolicy.TRUNCATE).apply(GRINNING_FACE + "x"))
                .isEmpty();
    }

    @Test
    void defaultTruncatesAtEightThousand() {
        String overLimit = "x".repeat(ContentRules.DEFAULT_MAX_LENGTH + 1);

        assertThat(ContentRules.DEFAULT.policy()).isEqualTo(ContentPolicy.TRUNCATE);
        assertThat(ContentRules.DEFAULT.apply(overLimit)).hasSize(8_000);
    }

    @Test
    void rejectPolicyNamesContentAndBothLengths() {
        String secret = "top-secret!";

        assertThatThrownBy(() -> rejectOverFive.apply(secret))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo("content"))
                .hasMessageContaining("content")
                .hasMessageContaining(String.valueOf(secret.length()))
                .hasMessageContaining("5")
                .message()
                .doesNotContain(secret)
                .doesNotContain("secret");
    }

    @ParameterizedTest
    @EnumSource(ContentPolicy.class)
    void nullContentIsRejectedNamingContent(ContentPolicy policy) {
        assertThatThrownBy(() -> new ContentRules(5, policy).apply(null))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo("content"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void maximumBelowOneIsRejected(int maxLength) {
        assertThatThrownBy(() -> new ContentRules(maxLength, ContentPolicy.TRUNCATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxLength")
                .hasMessageContaining(String.valueOf(maxLength));
    }

    @Test
    void policyIsRequired() {
        assertThatThrownBy(() -> new ContentRules(5, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy");
    }
}
