package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

/** Reads why a context failed to start. */
final class StartupFailures {

    private StartupFailures() {}

    /** The {@link CodeLogConfigurationException} behind the context's failure; fails the test when there is none. */
    static CodeLogConfigurationException configurationFailure(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CodeLogConfigurationException failure) {
                return failure;
            }
        }
        throw new AssertionError("No CodeLogConfigurationException behind " + context.getStartupFailure());
    }

    /** Everything a log would show of the failure: every message and stack trace of the chain. */
    static String printed(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
