package io.codelog.test.generators;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * The basic generators: constants, elements, numbers with their boundaries, strings over a {@link Chars} set,
 * and choices between generators. Boundaries (a range's ends, zero, the shortest and longest length) are drawn
 * far more often than their share, as jqwik's edge cases were, so that every run meets them.
 */
public final class Generators {

    /** The share of draws that pick a boundary value instead of a uniform one. */
    static final double EDGE_SHARE = 0.1;

    private Generators() {}

    /** Always {@code value}. */
    public static <T> Generator<T> constant(T value) {
        return random -> value;
    }

    /** One of {@code values}, each as likely. */
    @SafeVarargs
    public static <T> Generator<T> elements(T... values) {
        List<T> choices = List.of(values);
        requireChoices(choices.size());
        return random -> choices.get(random.nextInt(choices.size()));
    }

    /** One of the enum's constants, each as likely. */
    public static <E extends Enum<E>> Generator<E> enums(Class<E> type) {
        return elements(type.getEnumConstants());
    }

    /** A value of one of {@code generators}, each as likely to be asked. */
    @SafeVarargs
    public static <T> Generator<T> oneOf(Generator<? extends T>... generators) {
        List<Generator<? extends T>> choices = List.of(generators);
        requireChoices(choices.size());
        return random -> choices.get(random.nextInt(choices.size())).next(random);
    }

    /** A choice between generators in proportion to their weights, built with {@link Weighted#or}. */
    public static <T> Weighted<T> weighted(int weight, Generator<? extends T> generator) {
        return new Weighted<T>(List.of()).or(weight, generator);
    }

    /**
     * Integers from {@code min} to {@code max}, both included; the ends, their neighbours and zero, one and minus
     * one (where in range) come up in about {@value #EDGE_SHARE} of the draws.
     */
    public static Generator<Integer> integers(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /** Longs from {@code min} to {@code max}, both included, with boundaries as in {@link #integers}. */
    public static Generator<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " is above max " + max);
        }
        long[] edges = edges(min, max);
        return random -> {
            if (random.nextDouble() < EDGE_SHARE) {
                return edges[random.nextInt(edges.length)];
            }
            return max < Long.MAX_VALUE ? random.nextLong(min, max + 1) : upToLongMax(random, min);
        };
    }

    /**
     * Strings of {@code chars} whose length is between the bounds, drawn as {@link #integers} draws (so the shortest
     * and the longest come up far more often than their share), and each character drawn as {@link Chars} says.
     */
    public static Generator<String> strings(Chars chars, int minLength, int maxLength) {
        if (minLength < 0) {
            throw new IllegalArgumentException("minLength " + minLength + " is negative");
        }
        Generator<Integer> lengths = integers(minLength, maxLength);
        return random -> {
            int length = lengths.next(random);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(chars.next(random));
            }
            return text.toString();
        };
    }

    /** Strings of exactly {@code length} characters of {@code chars}. */
    public static Generator<String> strings(Chars chars, int length) {
        return strings(chars, length, length);
    }

    /** Between {@code minPieces} and {@code maxPieces} of {@code pieces}, joined with nothing between them. */
    public static Generator<String> joined(Generator<String> pieces, int minPieces, int maxPieces) {
        return pieces.list(minPieces, maxPieces).map(parts -> String.join("", parts));
    }

    private static long[] edges(long min, long max) {
        Set<Long> edges = new TreeSet<>();
        for (long candidate : new long[] {min, max, 0, 1, -1}) {
            if (candidate >= min && candidate <= max) {
                edges.add(candidate);
            }
        }
        if (min < max) {
            edges.add(min + 1);
            edges.add(max - 1);
        }
        return edges.stream().mapToLong(Long::longValue).toArray();
    }

    /** A long from {@code min} to {@link Long#MAX_VALUE}, which {@code nextLong}'s exclusive bound cannot reach. */
    private static long upToLongMax(RandomGenerator random, long min) {
        return min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, Long.MAX_VALUE) + 1;
    }

    private static void requireChoices(int count) {
        if (count == 0) {
            throw new IllegalArgumentException("nothing to choose from");
        }
    }

    /**
     * A choice between generators in proportion to their weights.
     *
     * @param <T> the kind of value made
     */
    public static final class Weighted<T> implements Generator<T> {

        private final List<Choice<T>> choices;
        private final int totalWeight;

        private Weighted(List<Choice<T>> choices) {
            this.choices = choices;
            this.totalWeight = choices.stream().mapToInt(Choice::weight).sum();
        }

        /** This choice and one more, asked in proportion to {@code weight}. */
        public Weighted<T> or(int weight, Generator<? extends T> generator) {
            if (weight <= 0) {
                throw new IllegalArgumentException("weight " + weight + " is not positive");
            }
            List<Choice<T>> more = new ArrayList<>(choices);
            more.add(new Choice<>(weight, generator));
            return new Weighted<>(List.copyOf(more));
        }

        @Override
        public T next(RandomGenerator random) {
            int ticket = random.nextInt(totalWeight);
            for (Choice<T> choice : choices) {
                ticket -= choice.weight();
                if (ticket < 0) {
                    return choice.generator().next(random);
                }
            }
            throw new AssertionError("the weights add up to " + totalWeight);
        }

        private record Choice<T>(int weight, Generator<? extends T> generator) {}
    }
}
