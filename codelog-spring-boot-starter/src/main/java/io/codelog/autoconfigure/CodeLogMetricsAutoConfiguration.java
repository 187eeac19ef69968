package io.codelog.autoconfigure;

import io.codelog.core.FallbackCodeLogRepository.FallbackListener;
import io.codelog.s3.UnreadableObjectListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * codelog's meters, when Micrometer is on the classpath and the application has a {@link MeterRegistry}: a
 * timer of every repository call, the S3 client's requests and bytes written, unreadable S3 objects, fallback
 * hits and failed dual-write copies. Each is a bean the stores already accept, so nothing is proxied. Before
 * {@link CodeLogAutoConfiguration}, as Spring Boot orders the metrics of a client before the client: its beans are
 * ingredients of the stores that configuration builds. Excluded alone, it leaves the stores unmetered.
 */
@AutoConfiguration(before = CodeLogAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
public final class CodeLogMetricsAutoConfiguration {

    /** Times the repository the application injects: outermost, so cache hits are timed too. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnMissingBean(name = "codeLogMetricsDecorator")
    CodeLogRepositoryDecorator codeLogMetricsDecorator(ObjectProvider<MeterRegistry> registry) {
        return (repository, store) -> {
            MeterRegistry meters = registry.getIfAvailable();
            return meters == null ? repository : new TimedCodeLogRepository(repository, meters, store);
        };
    }

    @Bean
    @ConditionalOnMissingBean(name = "codeLogFallbackHitCounter")
    FallbackListener codeLogFallbackHitCounter(ObjectProvider<MeterRegistry> registry) {
        return operation -> registry.ifAvailable(meters -> Counter.builder("codelog.fallback.hits")
                .description("Calls answered at least in part by the fallback's other store")
                .tag("operation", operation)
                .register(meters)
                .increment());
    }

    @Bean
    @ConditionalOnMissingBean(MeteredDualWriteFailures.class)
    MeteredDualWriteFailures codeLogDualWriteFailureCounter(ObjectProvider<MeterRegistry> registry) {
        return new MeteredDualWriteFailures(registry);
    }

    /** S3 meters; the S3 classes are only touched when they are on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"software.amazon.awssdk.services.s3.S3Client", CodeLogAutoConfiguration.S3_STORE_TYPE})
    static class S3Metrics {

        /**
         * Adds the request counter to the client codelog builds; an application's own S3Client needs {@link
         * S3RequestMetrics} added by the application.
         */
        @Bean
        @ConditionalOnMissingBean(name = "codeLogS3MetricsCustomizer")
        S3ClientBuilderCustomizer codeLogS3MetricsCustomizer(ObjectProvider<MeterRegistry> registry) {
            return builder -> registry.ifAvailable(
                    meters -> builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                            .addExecutionInterceptor(new S3RequestMetrics(meters))
                            .build()));
        }

        @Bean
        @ConditionalOnMissingBean(name = "codeLogUnreadableObjectCounter")
        UnreadableObjectListener codeLogUnreadableObjectCounter(ObjectProvider<MeterRegistry> registry) {
            return (key, reason) -> registry.ifAvailable(meters -> Counter.builder("codelog.s3.unreadable.objects")
                    .description("S3 objects a listing skipped as unreadable")
                    .register(meters)
                    .increment());
        }
    }
}
