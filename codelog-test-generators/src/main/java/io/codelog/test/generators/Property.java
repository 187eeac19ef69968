package io.codelog.test.generators;

import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A property checked on generated inputs, one JUnit dynamic test per try, returned from a
 * {@link org.junit.jupiter.api.TestFactory}. Every try's input comes from the seed and the try's number alone:
 * a failure names the seed, and {@code -Dcodelog.properties.seed=<seed>} draws the same inputs again. Without that
 * system property each JVM picks a seed of its own, so successive runs try different inputs.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> idsRoundTrip() {
 *     return Property.forAll(ids).tries(2_000).check(id -> assertThat(parse(format(id))).isEqualTo(id));
 * }
 * }</pre>
 *
 * @param <T> the kind of input
 */
public final class Property<T> {

    /** The system property that fixes the seed of every property in the JVM. */
    public static final String SEED_PROPERTY = "codelog.properties.seed";

    private static final long RUN_SEED = seedFrom(System::getProperty);
    private static final int SHOWN_INPUT_CHARS = 300;

    private final Generator<? extends T> generator;
    private final int tries;
    private final long seed;

    private Property(Generator<? extends T> generator, int tries, long seed) {
        this.generator = generator;
        this.tries = tries;
        this.seed = seed;
    }

    /** A property of {@code generator}'s values: 100 tries with this JVM's seed until told otherwise. */
    public static <T> Property<T> forAll(Generator<? extends T> generator) {
        return new Property<>(generator, 100, RUN_SEED);
    }

    /** The same property checked on {@code tries} inputs. */
    public Property<T> tries(int tries) {
        if (tries <= 0) {
            throw new IllegalArgumentException("tries " + tries + " is not positive");
        }
        return new Property<>(generator, tries, seed);
    }

    /** The same property with inputs drawn from {@code seed} instead of this JVM's seed. */
    public Property<T> seed(long seed) {
        return new Property<>(generator, tries, seed);
    }

    /** The seed the inputs are drawn from. */
    public long seed() {
        return seed;
    }

    /** The input of try {@code index} (from 0): always the same for the same seed. */
    public T input(int index) {
        return generator.next(new SplittableRandom(mix(seed + (index + 1) * 0x9E3779B97F4A7C15L)));
    }

    /** The inputs of all tries, in order. */
    public Stream<T> inputs() {
        return IntStream.range(0, tries).mapToObj(this::input);
    }

    /**
     * One dynamic test per try: it draws its input when it runs (so no input outlives its try) and passes it to
     * {@code property}. A failure is rethrown as an {@link AssertionFailedError} naming the seed, the try and the
     * input, with the original failure as its cause. The tries after a failed one are skipped, so that a broken
     * property reports once rather than thousands of times.
     */
    public Stream<DynamicTest> check(ThrowingConsumer<? super T> property) {
        AtomicInteger firstFailure = new AtomicInteger(-1);
        return IntStream.range(0, tries)
                .mapToObj(index -> DynamicTest.dynamicTest(
                        "try " + (index + 1) + " of " + tries + ", seed " + seed,
                        () -> run(index, property, firstFailure)));
    }

    private void run(int index, ThrowingConsumer<? super T> property, AtomicInteger firstFailure) throws Throwable {
        if (firstFailure.get() >= 0) {
            throw new TestAbortedException("Skipped: try " + (firstFailure.get() + 1) + " failed with seed " + seed);
        }
        T input = input(index);
        try {
            property.accept(input);
        } catch (TestAbortedException aborted) {
            throw aborted;
        } catch (Throwable failure) {
            firstFailure.set(index);
            throw new AssertionFailedError(
                    "Try " + (index + 1) + " of " + tries + " failed with seed " + seed
                            + " (draw the same inputs with -D" + SEED_PROPERTY + "=" + seed + ")\n  input: "
                            + shown(input) + "\n  failure: " + failure,
                    failure);
        }
    }

    /** The seed {@value #SEED_PROPERTY} gives, else a random one. */
    static long seedFrom(UnaryOperator<String> systemProperties) {
        String configured = systemProperties.apply(SEED_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return ThreadLocalRandom.current().nextLong();
        }
        try {
            return Long.parseLong(configured.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "-D" + SEED_PROPERTY + "=" + configured
                            + " is not a seed: give a whole number as a failure printed it",
                    e);
        }
    }

    /**
     * The input as Java would write it: non-ASCII and control characters escaped, so that a lone surrogate or a NUL
     * shows in a report; cut after {@value #SHOWN_INPUT_CHARS} characters.
     */
    static String shown(Object input) {
        String text = String.valueOf(input);
        StringBuilder shown = new StringBuilder(input instanceof CharSequence ? "\"" : "");
        int end = Math.min(text.length(), SHOWN_INPUT_CHARS);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                shown.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                shown.append(c);
            } else {
                shown.append(String.format("\\u%04x", (int) c));
            }
        }
        if (input instanceof CharSequence) {
            shown.append('"');
        }
        if (text.length() > end) {
            shown.append("... (").append(text.length()).append(" chars)");
        }
        return shown.toString();
    }

    /** SplitMix64's finalizer: neighbouring try numbers give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
