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
 * {@code ListObjectsV2}, {@code DeleteObjects}, {@code HeadObject}, ...): {@link #count} each SDK call once, in
 * {@code beforeExecution}, so that the requests an operation of the store costs by design read the same whatever
 * the network did; {@link #attempts} each HTTP attempt sent, retries included, which is what S3 bills. On a
 * healthy connection the two agree. Thread-safe; register it with
 * {@code ClientOverrideConfiguration.builder().addExecutionInterceptor(counter)}.
 */
public final class S3RequestCounter implements ExecutionInterceptor {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> attempts = new ConcurrentHashMap<>();

    /** Counts one call of the operation. */
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        increment(counts, executionAttributes);
    }

    /** Counts one attempt of the operation: the first and each retry. */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
        increment(attempts, executionAttributes);
    }

    /** How many times the operation was called since the last reset, however often each call was retried. */
    public long count(String operation) {
        return sum(counts, operation);
    }

    /**
     * How many HTTP attempts of the operation were sent since the last reset, retries included: the requests S3
     * bills (an attempt refused before it reached S3 is counted too).
     */
    public long attempts(String operation) {
        return sum(attempts, operation);
    }

    /** How many calls of any operation were made since the last reset. */
    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The call counts by operation name, sorted by name, operations not called left out. */
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

    /** Sets every count back to zero, attempts included. */
    public void reset() {
        counts.values().forEach(LongAdder::reset);
        attempts.values().forEach(LongAdder::reset);
    }

    private static void increment(Map<String, LongAdder> counters, ExecutionAttributes executionAttributes) {
        String operation = executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counters.computeIfAbsent(operation == null ? "unknown" : operation, name -> new LongAdder())
                .increment();
    }

    private static long sum(Map<String, LongAdder> counters, String operation) {
        LongAdder adder = counters.get(operation);
        return adder == null ? 0 : adder.sum();
    }

    @Override
    public String toString() {
        return "S3RequestCounter" + snapshot();
    }
}
