package io.codelog.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

/** How a child's run ended, checked the same way in every row. */
final class Outcomes {

    static final String FAILED_TO_START = "APPLICATION FAILED TO START";

    private Outcomes() {}

    /** The child exited 0 and printed no secret; returns its steps. */
    static ScriptRun assertRan(ChildApplication child, Variables variables) {
        int exitCode = child.awaitExit();
        assertNoSecrets(child, variables);
        assertThat(exitCode)
                .as("exit code of %s (its output is printed below the failure)", child.name())
                .isZero();
        return ScriptRun.of(child);
    }

    /**
     * The child failed start-up as Spring Boot reports a failure analysis, ran no step, and printed no secret;
     * returns the report, from {@value #FAILED_TO_START} to the end.
     */
    static String assertFailedToStart(ChildApplication child, Variables variables) {
        int exitCode = child.awaitExit();
        assertNoSecrets(child, variables);
        assertThat(exitCode).as("exit code of %s", child.name()).isNotZero();
        String output = child.output();
        assertThat(output).as("output of %s", child.name()).contains(FAILED_TO_START);
        String report = output.substring(output.indexOf(FAILED_TO_START));
        assertThat(report).as("failure report of %s", child.name()).contains("Description:", "Action:");
        assertThat(ScriptRun.of(child).ranAnyStep())
                .as("%s ran a step of its script", child.name())
                .isFalse();
        return report;
    }

    /** None of the row's secret values appears anywhere in the child's output. */
    static void assertNoSecrets(ChildApplication child, Variables variables) {
        String output = child.output();
        for (String secret : variables.secrets()) {
            assertThat(output.contains(secret))
                    .as(
                            "%s printed a secret value of its environment (%d characters; not shown)",
                            child.name(), secret.length())
                    .isFalse();
        }
    }
}
