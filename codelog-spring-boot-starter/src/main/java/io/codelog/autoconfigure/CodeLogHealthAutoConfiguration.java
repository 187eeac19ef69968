package io.codelog.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health of codelog's S3 bucket, when the application has Boot's health support, the S3 store is built and
 * {@code management.health.codelog.enabled} is not false. After {@link CodeLogAutoConfiguration}, whose S3
 * connection it asks; excluded alone, it leaves the stores as they are.
 */
@AutoConfiguration(after = CodeLogAutoConfiguration.class)
@ConditionalOnClass(
        name = {
            "org.springframework.boot.health.contributor.AbstractHealthIndicator",
            StoreClasses.S3_CLIENT,
            CodeLogAutoConfiguration.S3_STORE_TYPE
        })
public final class CodeLogHealthAutoConfiguration {

    // Nested, so that its condition (a class of Boot's health module) is only resolved once that module is known
    // to be there.
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("codelog")
    static class S3BucketHealth {

        @Bean
        @ConditionalOnMissingBean(name = "codelogHealthIndicator")
        @ConditionalOnBean(CodeLogS3Connection.class)
        CodeLogS3HealthIndicator codelogHealthIndicator(CodeLogS3Connection s3) {
            return new CodeLogS3HealthIndicator(s3.client(), s3.settings().bucket());
        }
    }
}
