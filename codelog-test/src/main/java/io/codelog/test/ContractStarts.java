package io.codelog.test;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The starts {@link CodeLogRepositoryContract} runs from, once each: every {@link ContractStart}, or those that
 * {@link RunContractFrom} names on the test class or a class enclosing it.
 */
final class ContractStarts implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        return starts(context.getRequiredTestClass())
                .map(start -> Arguments.of(Named.of(start.toString(), start.instant())));
    }

    /** The starts a contract class runs from. */
    static Stream<ContractStart> starts(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            Optional<RunContractFrom> chosen = AnnotationSupport.findAnnotation(type, RunContractFrom.class);
            if (chosen.isPresent()) {
                if (chosen.get().value().length == 0) {
                    throw new IllegalStateException("@RunContractFrom on " + type.getName() + " names no start");
                }
                return Arrays.stream(chosen.get().value());
            }
        }
        return Arrays.stream(ContractStart.values());
    }
}
