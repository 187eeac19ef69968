package io.codelog.s3;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the S3 requests a client makes, by operation name ({@code PutObject}, {@code GetObject},
 * {@code ListObjectsV2}, {@code DeleteObjects}, {@code HeadObject}, ...). Counts each SDK operation execution
 * once, in {@code beforeExecution}: retries of the same call are not counted again. Thread-safe; register it
 * with {@code ClientOverrideConfiguration.builder().addExecutionInterceptor(counter)}.
 */
public final class S3RequestCounter implements ExecutionInterceptor {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts one execution of the operation. */
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        String operation = executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counts.computeIfAbsent(operation == null ? "unknown" : operation, name -> new LongAdder())
                .increment();
    }

    /** How many times the operation ran since the last reset. */
    public long count(String operation) {
        LongAdder adder = counts.get(operation);
        return adder == null ? 0 : adder.sum();
    }

    /** How many operations of any kind ran since the last reset. */
    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The counts by operation name, sorted by name, operations not run left out. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((operation, adder) -> {
            long value = adder.sum();
            if (value > 0) {
                copy.put(operation, value);
            }
        });
        return copy;
    }

    /** Sets every count back to zero. */
    public void reset() {
        counts.values().forEach(LongAdder::reset);
    }

    @Override
    public String toString() {
        return "S3RequestCounter" + snapshot();
    }
}
