package io.codelog.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * With {@code codelog.cache.enabled}, findById reads through the cache {@code codelog} of the application's
 * {@link CacheManager}, so that Boot's standard cache settings pick Caffeine, Redis or another provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = CodeLogCacheProperties.PREFIX, name = "enabled", havingValue = "true")
class CodeLogCacheConfiguration {

    private static final String ENABLED = "codelog.cache.enabled";

    /** Innermost: the audit and the timer see every call, the cache only spares the store. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnMissingBean(name = "codeLogCacheDecorator")
    CodeLogRepositoryDecorator codeLogCacheDecorator(ObjectProvider<CacheManager> cacheManagers) {
        CacheManager cacheManager = cacheManagers.getIfAvailable();
        if (cacheManager == null) {
            throw new CodeLogConfigurationException(
                    ENABLED,
                    PropertyOrigins.named(ENABLED) + " is true but the application has no CacheManager.",
                    "Add spring-boot-starter-cache and @EnableCaching (with Caffeine or Redis), or set "
                            + PropertyOrigins.named(ENABLED) + " to false.");
        }
        Cache cache = cacheManager.getCache(CachingCodeLogRepository.CACHE_NAME);
        if (cache == null) {
            throw new CodeLogConfigurationException(
                    ENABLED,
                    "The CacheManager has no cache named \"" + CachingCodeLogRepository.CACHE_NAME + "\".",
                    "Add " + CachingCodeLogRepository.CACHE_NAME + " to spring.cache.cache-names.");
        }
        return (repository, store) -> new CachingCodeLogRepository(repository, cache);
    }
}
