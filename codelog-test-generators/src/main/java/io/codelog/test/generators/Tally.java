package io.codelog.test.generators;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Counts the outcomes of one question across a property's tries, so that a dynamic test after the tries can
 * check that the generator reached the cases that matter (jqwik's coverage checks).
 */
public final class Tally {

    private final String question;
    private final Map<Object, Long> counts = new LinkedHashMap<>();
    private long total;

    /** A tally of the answers to {@code question}, for example "accepted". */
    public Tally(String question) {
        this.question = question;
    }

    /** Counts one try's answer. */
    public void add(Object answer) {
        counts.merge(answer, 1L, Long::sum);
        total++;
    }

    /** The share of counted tries that answered {@code answer}, in percent; 0 before any try. */
    public double percent(Object answer) {
        return total == 0 ? 0 : 100.0 * counts.getOrDefault(answer, 0L) / total;
    }

    /**
     * A dynamic test, to run after the tries, that fails unless at least {@code percent} of them answered
     * {@code answer}.
     */
    public DynamicTest atLeast(double percent, Object answer) {
        String claim = "'" + question + "' is " + answer + " in at least " + percent + "% of tries";
        return DynamicTest.dynamicTest(claim, () -> {
            if (total == 0 || percent(answer) < percent) {
                throw new AssertionFailedError("Expected " + claim + ", but the answers were " + counts + " of " + total
                        + " tries: the generator misses the case");
            }
        });
    }
}
