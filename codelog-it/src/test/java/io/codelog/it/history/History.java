package io.codelog.it.history;

import java.util.Comparator;
import java.util.List;

/**
 * Every invocation of a recorded run, in the order of their numbers, the seed that chose them, and when the store
 * had settled.
 *
 * @param seed the seed of the clients' random choices
 * @param invocations every invocation, each once
 * @param settledAt the {@link System#nanoTime()} by which every request a failed call sent had ended at the store,
 *     so had taken effect or never would; {@link Long#MAX_VALUE} when unknown, as if a failed write could still
 *     land at any time
 */
public record History(long seed, List<Invocation> invocations, long settledAt) {

    /** A history of these invocations, sorted by number. */
    public History {
        invocations = invocations.stream()
                .sorted(Comparator.comparingLong(Invocation::index))
                .toList();
    }

    /**
     * The latest time at which a write may have taken effect: its end when the store answered, else {@link
     * #settledAt}, for a failed call's request may still land after the call gave up.
     */
    public long effectBy(Invocation write) {
        return write.outcome().acknowledged() ? write.end() : settledAt;
    }

    /** How many invocations ended so. */
    public long count(Outcome outcome) {
        return invocations.stream().filter(i -> i.outcome() == outcome).count();
    }

    /** How many invocations the store answered, with a value or a refusal. */
    public long acknowledged() {
        return invocations.stream().filter(i -> i.outcome().acknowledged()).count();
    }

    public int size() {
        return invocations.size();
    }
}
