package io.codelog.autoconfigure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.util.Locale;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the S3 requests of a client as {@code codelog.s3.requests}, once per HTTP attempt, retries included, as S3
 * bills them: tagged with the operation ({@code type}), the HTTP {@code status} S3 answered ({@code none} when no
 * answer came: connection refused or reset, attempt timeout) and its {@code outcome} ({@code success},
 * {@code client_error}, {@code server_error}, ..., {@code io_error} without an answer). Also adds the bytes of
 * each successful PutObject call's body to {@code codelog.s3.bytes.written}. The starter adds it to the client it
 * builds; add it to an application's own {@code S3Client} with
 * {@code overrideConfiguration(c -> c.addExecutionInterceptor(...))}.
 */
public final class S3RequestMetrics implements ExecutionInterceptor {

    static final String REQUESTS = "codelog.s3.requests";
    static final String BYTES_WRITTEN = "codelog.s3.bytes.written";

    static final String NO_STATUS = "none";
    static final String NO_ANSWER = "io_error";

    // Set while an attempt is on the wire; cleared when S3 answers it. Still set at the next attempt or at the
    // call's failure, it means the attempt got no answer: the SDK has no per-attempt failure hook.
    private static final ExecutionAttribute<Boolean> UNANSWERED =
            new ExecutionAttribute<>("codelog.s3.attemptUnanswered");

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

    /** Counts the previous attempt of the call if S3 never answered it, and marks this one as sent. */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        countUnanswered(attributes);
        attributes.putAttribute(UNANSWERED, Boolean.TRUE);
    }

    /** Counts the attempt with the status S3 answered. */
    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(UNANSWERED, Boolean.FALSE);
        int status = context.httpResponse().statusCode();
        count(
                attributes,
                Integer.toString(status),
                Outcome.forStatus(status).name().toLowerCase(Locale.ROOT));
    }

    /** Counts the call's last attempt if S3 never answered it. */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        countUnanswered(attributes);
    }

    /** Adds the bytes of a PutObject body, once per successful call. */
    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if ("PutObject".equals(operation(attributes))) {
            context.requestBody()
                    .flatMap(body -> body.optionalContentLength())
                    .ifPresent(length -> bytesWritten.increment(length));
        }
    }

    private void countUnanswered(ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(UNANSWERED))) {
            attributes.putAttribute(UNANSWERED, Boolean.FALSE);
            count(attributes, NO_STATUS, NO_ANSWER);
        }
    }

    private void count(ExecutionAttributes attributes, String status, String outcome) {
        Counter.builder(REQUESTS)
                .description("HTTP attempts of codelog's S3 client, retries included")
                .tag("type", operation(attributes))
                .tag("status", status)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    private static String operation(ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return operation == null ? "unknown" : operation;
    }
}
