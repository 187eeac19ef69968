package io.codelog.test.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PropertyTest {

    private static final Generator<String> WORDS = Generators.strings(Chars.all(), 0, 20);

    @Test
    void theSameSeedDrawsTheSameInputsAndAnotherSeedOthers() {
        Property<String> property = Property.forAll(WORDS).tries(200).seed(42);

        assertThat(property.inputs().toList())
                .isEqualTo(property.seed(42).inputs().toList())
                .isNotEqualTo(property.seed(43).inputs().toList());
        assertThat(property.input(117)).isEqualTo(property.inputs().toList().get(117));
    }

    @Test
    void oneDynamicTestPerTryNamedWithTheSeed() {
        List<DynamicTest> tries =
                Property.forAll(WORDS).tries(31).seed(7).check(word -> {}).toList();

        assertThat(tries).hasSize(31);
        assertThat(tries.get(4).getDisplayName()).isEqualTo("try 5 of 31, seed 7");
    }

    @Test
    void aFailureNamesTheSeedTheTryAndTheInputWithTheOriginalAsCause() {
        Property<String> property =
                Property.forAll(Generators.constant("a\u0000\uD800\"")).tries(3).seed(-99);
        IllegalStateException original = new IllegalStateException("broken");
        DynamicTest second = property.check(word -> {
                    throw original;
                })
                .toList()
                .get(1);

        assertThatThrownBy(() -> second.getExecutable().execute())
                .isInstanceOf(AssertionFailedError.class)
                .hasCause(original)
                .hasMessageContaining("Try 2 of 3 failed with seed -99")
                .hasMessageContaining("-Dcodelog.properties.seed=-99")
                .hasMessageContaining("input: \"a\\u0000\\ud800\\\"\"")
                .hasMessageContaining("broken");
    }

    @Test
    void theTriesAfterAFailedOneAreSkipped() {
        List<DynamicTest> tries = Property.forAll(Generators.integers(0, 9))
                .tries(3)
                .seed(1)
                .check(n -> assertThat(n).isNegative())
                .toList();

        assertThatThrownBy(() -> tries.get(0).getExecutable().execute()).isInstanceOf(AssertionFailedError.class);
        assertThatThrownBy(() -> tries.get(1).getExecutable().execute())
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("Skipped: try 1 failed with seed 1");
    }

    @Test
    void aLongInputIsCutInTheReport() {
        assertThat(Property.shown("x".repeat(10_000)))
                .startsWith("\"xxx")
                .endsWith("x\"... (10000 chars)")
                .hasSize(1 + 300 + "\"... (10000 chars)".length());
    }

    @Test
    void theSeedComesFromTheSystemPropertyOrIsRandom() {
        Map<String, String> fixed = Map.of(Property.SEED_PROPERTY, " -1234567890123 ");

        assertThat(Property.seedFrom(fixed::get)).isEqualTo(-1_234_567_890_123L);
        assertThat(List.of(
                        Property.seedFrom(name -> null),
                        Property.seedFrom(name -> null),
                        Property.seedFrom(name -> null)))
                .as("three random seeds")
                .doesNotHaveDuplicates();
        assertThatThrownBy(() -> Property.seedFrom(Map.of(Property.SEED_PROPERTY, "0x1f")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dcodelog.properties.seed=0x1f is not a seed");
    }

    @Test
    void aTallyBelowItsShareFailsAfterTheTries() throws Throwable {
        Tally accepted = new Tally("accepted");
        for (int i = 0; i < 100; i++) {
            accepted.add(i < 4);
        }

        assertThat(accepted.percent(true)).isEqualTo(4.0);
        accepted.atLeast(3, true).getExecutable().execute();
        assertThatThrownBy(() -> accepted.atLeast(5, true).getExecutable().execute())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("'accepted' is true in at least 5.0% of tries")
                .hasMessageContaining("{true=4, false=96} of 100");
        assertThatThrownBy(() ->
                        new Tally("empty").atLeast(0, true).getExecutable().execute())
                .as("a tally of no tries")
                .isInstanceOf(AssertionFailedError.class);
    }
}
