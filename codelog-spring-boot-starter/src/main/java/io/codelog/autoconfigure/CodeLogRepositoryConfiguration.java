package io.codelog.autoconfigure;

import io.codelog.autoconfigure.CodeLogProperties.Mode;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.core.DualWriteFailureLog;
import io.codelog.core.FallbackCodeLogRepository.FallbackListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The {@link CodeLogRepository} the application injects: the selected store, or the fallback or dual-write
 * composite of both. Primary, because the store beans are repositories too.
 */
@Configuration(proxyBeanMethods = false)
class CodeLogRepositoryConfiguration {

    // The stores close themselves as beans of their own; in mode single this bean is one of them.
    @Bean(destroyMethod = "")
    @Primary
    @ConditionalOnMissingBean(
            value = CodeLogRepository.class,
            ignoredType = {CodeLogAutoConfiguration.MONGO_STORE_TYPE, CodeLogAutoConfiguration.S3_STORE_TYPE})
    CodeLogRepository codeLogRepository(
            Environment environment,
            ObjectProvider<ConfiguredStore> stores,
            CodeLogRules rules,
            ObjectProvider<DualWriteFailureLog> failureLogs,
            ObjectProvider<FallbackListener> fallbackListeners,
            ObjectProvider<CodeLogRepositoryDecorator> decorators) {
        StoreSelection selection = StoreSelection.of(environment);
        StoreComposition composition =
                new StoreComposition(selection, stores.orderedStream().toList(), new PropertyOrigins(environment));
        CodeLogRepository repository = composition.compose(
                failureLogs.orderedStream().toList(),
                fallbackListeners.orderedStream().toList(),
                rules.clock());
        String storeName =
                StoreSelection.wireName(selection.mode() == Mode.SINGLE ? selection.primary() : selection.mode());
        for (CodeLogRepositoryDecorator decorator : decorators.orderedStream().toList()) {
            repository = decorator.decorate(repository, storeName);
        }
        return repository;
    }
}
