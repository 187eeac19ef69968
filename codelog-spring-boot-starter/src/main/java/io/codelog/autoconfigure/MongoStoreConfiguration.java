package io.codelog.autoconfigure;

import io.codelog.autoconfigure.CodeLogProperties.Store;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.mongo.MongoCodeLogRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The MongoDB store, built when the selection needs it, codelog-mongo is on the classpath and the application
 * defines no repository of its own; on the connection of {@link CodeLogMongoConnectionConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(
        name = {StoreClasses.MONGO_CLIENT, StoreClasses.MONGO_TEMPLATE, CodeLogAutoConfiguration.MONGO_STORE_TYPE})
@Conditional(StoreNeededCondition.Mongo.class)
@ConditionalOnMissingBean(
        value = CodeLogRepository.class,
        ignoredType = {CodeLogAutoConfiguration.MONGO_STORE_TYPE, CodeLogAutoConfiguration.S3_STORE_TYPE})
class MongoStoreConfiguration {

    @Bean
    ConfiguredStore mongoConfiguredStore(MongoCodeLogRepository repository) {
        return new ConfiguredStore(Store.MONGO, repository);
    }

    /** The store of {@code codelog.mongo.*}, when the application has no {@link MongoCodeLogRepository}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(MongoCodeLogRepository.class)
    static class MongoRepositoryConfiguration {

        @Bean
        @ConditionalOnMissingBean
        MongoCodeLogRepository mongoCodeLogRepository(
                CodeLogMongoConnection connection, CodeLogMongoProperties properties, CodeLogRules rules) {
            return new MongoCodeLogRepository(
                    connection.operations(), new MongoStoreFactory(properties).settings(rules));
        }
    }
}
