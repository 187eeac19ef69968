package io.codelog.test.generators;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Makes one value from a source of randomness; the same source state always makes the same value, so a
 * property's inputs are repeated by its seed.
 *
 * @param <T> the kind of value made
 */
@FunctionalInterface
public interface Generator<T> {

    /** How many values {@link #filter} draws before it gives up on a predicate the generator rarely meets. */
    int FILTER_ATTEMPTS = 10_000;

    /**
     * Makes the next value.
     *
     * @param random the source of randomness; the only one a generator may use
     * @return the value
     */
    T next(RandomGenerator random);

    /** Values of this generator turned into others. */
    default <R> Generator<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(next(random));
    }

    /** Values of the generator that each value of this one chooses. */
    default <R> Generator<R> flatMap(Function<? super T, ? extends Generator<? extends R>> generatorFor) {
        return random -> generatorFor.apply(next(random)).next(random);
    }

    /** Only the values that pass {@code keep}; fails when {@value #FILTER_ATTEMPTS} draws in a row do not. */
    default Generator<T> filter(Predicate<? super T> keep) {
        return random -> {
            for (int attempt = 0; attempt < FILTER_ATTEMPTS; attempt++) {
                T value = next(random);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException(
                    "No generated value passed the filter in " + FILTER_ATTEMPTS + " draws: widen the generator");
        };
    }

    /**
     * Lists of this generator's values, of a size between the bounds; the bounds themselves come up more often
     * than their share (see {@link Generators#integers}).
     */
    default Generator<List<T>> list(int minSize, int maxSize) {
        Generator<Integer> sizes = Generators.integers(minSize, maxSize);
        return random -> {
            int size = sizes.next(random);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }
}
