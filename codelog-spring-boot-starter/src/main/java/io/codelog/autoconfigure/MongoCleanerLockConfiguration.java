package io.codelog.autoconfigure;

import java.util.Optional;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The cleaner's first lock home: collection {@value #COLLECTION} of codelog's MongoDB connection or, without one,
 * of the application's {@code MongoTemplate}, in every mode, S3 {@code single} included.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(
        name = {
            "net.javacrumbs.shedlock.provider.mongo.MongoLockProvider",
            StoreClasses.MONGO_CLIENT,
            StoreClasses.MONGO_TEMPLATE
        })
class MongoCleanerLockConfiguration {

    /** The collection of ShedLock's locks, ShedLock's default name. */
    static final String COLLECTION = "shedLock";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    CleanerLockHome mongoCleanerLockHome(
            ObjectProvider<CodeLogMongoConnection> connection, ObjectProvider<MongoOperations> applicationTemplates) {
        return () -> Optional.ofNullable(connection.getIfAvailable())
                .map(CodeLogMongoConnection::operations)
                .or(() -> Optional.ofNullable(applicationTemplates.getIfUnique()))
                .map(operations -> new CleanerLock(
                        new MongoLockProvider(operations.getCollection(COLLECTION)),
                        "MongoDB, collection " + COLLECTION + " of database "
                                + operations
                                        .getCollection(COLLECTION)
                                        .getNamespace()
                                        .getDatabaseName()));
    }
}
