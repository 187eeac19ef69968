package io.codelog.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a {@link CodeLogConfigurationException} on the console as a Description and an Action. */
final class CodeLogConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<CodeLogConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CodeLogConfigurationException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
