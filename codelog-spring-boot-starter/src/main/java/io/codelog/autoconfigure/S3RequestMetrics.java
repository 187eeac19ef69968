package io.codelog.autoconfigure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the S3 requests of a client as {@code codelog.s3.requests} tagged with the operation ({@code type}),
 * once per call (retries are not counted again), and the bytes of PutObject bodies as
 * {@code codelog.s3.bytes.written}. The starter adds it to the client it builds; add it to an application's
 * own {@code S3Client} with {@code overrideConfiguration(c -> c.addExecutionInterceptor(...))}.
 */
public final class S3RequestMetrics implements ExecutionInterceptor {

    static final String REQUESTS = "codelog.s3.requests";
    static final String BYTES_WRITTEN = "codelog.s3.bytes.written";

    private final MeterRegistry registry;
    private final Counter bytesWritten;

    /** Counts into this registry. */
    public S3RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bytesWritten = Counter.builder(BYTES_WRITTEN)
                .description("Bytes of log objects written to S3")
                .baseUnit("bytes")
                .register(registry);
    }

    /** Counts one request of the operation. */
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Counter.builder(REQUESTS)
                .description("S3 requests made by codelog's client")
                .tag("type", operation(attributes))
                .register(registry)
                .increment();
    }

    /** Adds the bytes of a PutObject body. */
    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if ("PutObject".equals(operation(attributes))) {
            context.requestBody()
                    .flatMap(body -> body.optionalContentLength())
                    .ifPresent(length -> bytesWritten.increment(length));
        }
    }

    private static String operation(ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return operation == null ? "unknown" : operation;
    }
}
