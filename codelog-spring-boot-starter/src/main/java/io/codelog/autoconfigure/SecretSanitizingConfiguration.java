package io.codelog.autoconfigure;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Masks codelog's secrets in the actuator's {@code /env} and {@code /configprops} even where the application
 * shows values, which Spring Boot 4 otherwise does for every key.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
class SecretSanitizingConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "codeLogSecretsSanitizingFunction")
    SanitizingFunction codeLogSecretsSanitizingFunction() {
        return new CodeLogSecretsSanitizingFunction();
    }
}
