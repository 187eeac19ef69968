package io.codelog.autoconfigure;

import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * codelog's MongoDB connection, for the store, the S3 store's id index, the dual-write failure log and the
 * retention cleaner's lock: built when the selection needs MongoDB or {@code codelog.s3.id-index} is {@code mongo},
 * and also in S3 mode {@code single} when {@code codelog.mongo.uri} is set (the seed's "MongoDB settings for other
 * data"), so that the cleaner locks there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {StoreClasses.MONGO_CLIENT, StoreClasses.MONGO_TEMPLATE})
@Conditional(MongoConnectionCondition.class)
class CodeLogMongoConnectionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CodeLogMongoConnection codeLogMongoConnection(
            CodeLogMongoProperties properties,
            Environment environment,
            ObjectProvider<MongoOperations> applicationTemplates,
            ObjectProvider<MongoClient> applicationClients) {
        return CodeLogMongoConnection.resolve(
                properties, CodeLogMongoConnection.Need.of(environment), applicationTemplates, applicationClients);
    }
}
