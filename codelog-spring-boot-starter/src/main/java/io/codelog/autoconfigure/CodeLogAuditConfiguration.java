package io.codelog.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The audit line of every write, on the logger {@code io.codelog.audit} at {@code codelog.audit.level}. The
 * repository is wrapped only when that logger is enabled at that level at start-up, so that a service without
 * auditing keeps the store itself as its repository.
 */
@Configuration(proxyBeanMethods = false)
class CodeLogAuditConfiguration {

    /** Inside the metrics, outside the cache: every write reaches the store, so every write is audited. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    @ConditionalOnMissingBean(name = "codeLogAuditDecorator")
    CodeLogRepositoryDecorator codeLogAuditDecorator(CodeLogAuditProperties properties) {
        return (repository, store) -> AuditedCodeLogRepository.enabledAt(properties.getLevel())
                ? new AuditedCodeLogRepository(repository, store, properties.getLevel())
                : repository;
    }
}
