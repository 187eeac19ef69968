package io.codelog.autoconfigure;

import io.codelog.core.CodeLogIdIndex;
import io.codelog.mongo.MongoCodeLogIdIndex;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The S3 store's id index in MongoDB, when {@code codelog.s3.id-index} is {@code mongo}: collection {@code
 * codelog.mongo.id-index-collection} on codelog's MongoDB connection (the same URI and database settings as the
 * MongoDB store), unless the application defines its own {@link CodeLogIdIndex}. Entries expire the retention
 * period after their log's creation while the retention cleaner runs; with the cleaner off they never expire, so
 * that no entry is lost before its log.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(
        name = {StoreClasses.MONGO_CLIENT, StoreClasses.MONGO_TEMPLATE, "io.codelog.mongo.MongoCodeLogIdIndex"})
@Conditional(MongoIdIndexCondition.class)
class MongoIdIndexConfiguration {

    private static final String COLLECTION = "codelog.mongo.id-index-collection";
    private static final String RETENTION = "codelog.cleaner.retention-period";

    @Bean
    @ConditionalOnMissingBean(CodeLogIdIndex.class)
    MongoCodeLogIdIndex codeLogMongoIdIndex(
            CodeLogMongoConnection connection, CodeLogMongoProperties mongo, CodeLogCleanerProperties cleaner) {
        Duration expireAfter = cleaner.isEnabled() ? cleaner.getRetentionPeriod() : null;
        if (mongo.getIdIndexCollection() == null || mongo.getIdIndexCollection().isBlank()) {
            throw new CodeLogConfigurationException(
                    COLLECTION,
                    PropertyOrigins.named(COLLECTION) + " is blank.",
                    "Set it to a collection name such as " + MongoCodeLogIdIndex.DEFAULT_COLLECTION + ".");
        }
        if (expireAfter != null && expireAfter.toSeconds() < 1) {
            throw new CodeLogConfigurationException(
                    RETENTION,
                    PropertyOrigins.named(RETENTION) + " is " + expireAfter + ", too short for the id index's expiry.",
                    "Set it to one second or more (a bare number is a number of days).");
        }
        return new MongoCodeLogIdIndex(
                connection.operations(), mongo.getIdIndexCollection().trim(), expireAfter, mongo.isCreateIndexes());
    }
}
