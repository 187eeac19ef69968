package io.codelog.autoconfigure;

import io.codelog.core.DualWriteFailure;
import io.codelog.core.DualWriteFailureLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;

/** Counts failed dual-write copies as {@code codelog.dualwrite.failures} tagged with the operation. */
final class MeteredDualWriteFailures implements DualWriteFailureLog {

    static final String FAILURES = "codelog.dualwrite.failures";

    private final ObjectProvider<MeterRegistry> registry;

    MeteredDualWriteFailures(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void record(DualWriteFailure failure) {
        registry.ifAvailable(meters -> Counter.builder(FAILURES)
                .description("Dual-write copies to the secondary store that failed")
                .tag("operation", failure.operation())
                .register(meters)
                .increment());
    }
}
