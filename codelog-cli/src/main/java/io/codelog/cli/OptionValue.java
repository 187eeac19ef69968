package io.codelog.cli;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Applies option values to the engine's validated jobs one at a time, so that a refusal names its option. */
final class OptionValue {

    private OptionValue() {}

    /**
     * The value made from one option.
     *
     * @throws CliUsageException naming the option when the value is refused
     */
    static <T> T check(String option, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(option + ": " + e.getMessage() + ".");
        }
    }

    /** The job changed by one option; see {@link #check(String, Supplier)}. */
    static <T> T check(String option, T value, UnaryOperator<T> change) {
        return check(option, () -> change.apply(value));
    }
}
