package io.codelog.autoconfigure;

import io.codelog.s3.S3CodeLogSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The health of codelog's S3 bucket, when the application has Boot's health support, the S3 store is built and
 * {@code management.health.codelog.enabled} is not false.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(
        name = {
            "org.springframework.boot.health.contributor.AbstractHealthIndicator",
            "software.amazon.awssdk.services.s3.S3Client",
            CodeLogAutoConfiguration.S3_STORE_TYPE
        })
@ConditionalOnEnabledHealthIndicator("codelog")
class CodeLogHealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "codelogHealthIndicator")
    @ConditionalOnBean({S3Client.class, S3CodeLogSettings.class})
    CodeLogS3HealthIndicator codelogHealthIndicator(S3Client client, S3CodeLogSettings settings) {
        return new CodeLogS3HealthIndicator(client, settings.bucket());
    }
}
