package io.codelog.bench;

/**
 * The check every measured operation passes: a benchmark that timed or counted a wrong answer stops rather than
 * print a figure for it.
 */
final class ExpectedResults {

    private ExpectedResults() {}

    /**
     * @throws IllegalStateException when the operation's result was not the expected one
     */
    static void require(boolean expected) {
        require(expected, "a benchmark operation returned an unexpected result");
    }

    /**
     * @throws IllegalStateException with the message when the condition does not hold
     */
    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
