package io.codelog.autoconfigure;

import io.codelog.core.DualWriteFailureLog;
import io.codelog.mongo.MongoDualWriteFailureLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * In mode dual-write, records failed copies durably in MongoDB (the database the MongoDB store uses), unless the
 * application defines its own {@link DualWriteFailureLog}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(
        name = {StoreClasses.MONGO_CLIENT, StoreClasses.MONGO_TEMPLATE, "io.codelog.mongo.MongoDualWriteFailureLog"})
@Conditional(DualWriteModeCondition.class)
class DualWriteFailureLogConfiguration {

    @Bean
    // The failure counter of the metrics is a DualWriteFailureLog too, and must not replace the durable log.
    @ConditionalOnMissingBean(
            value = DualWriteFailureLog.class,
            ignoredType = "io.codelog.autoconfigure.MeteredDualWriteFailures")
    MongoDualWriteFailureLog codeLogDualWriteFailureLog(
            CodeLogMongoProperties properties,
            ObjectProvider<CodeLogMongoConnection> connection,
            ObjectProvider<MongoOperations> applicationTemplates) {
        CodeLogMongoConnection own = connection.getIfAvailable();
        MongoOperations operations = own != null ? own.operations() : applicationTemplates.getIfAvailable();
        if (operations == null) {
            throw new CodeLogConfigurationException(
                    "codelog.mongo.failure-collection",
                    "codelog.mode is dual-write but there is no MongoDB connection to record failed copies in.",
                    "Set " + PropertyOrigins.named("codelog.mongo.uri")
                            + ", or define a DualWriteFailureLog bean of your own.");
        }
        try {
            return new MongoDualWriteFailureLog(operations, properties.getFailureCollection());
        } catch (IllegalArgumentException e) {
            throw new CodeLogConfigurationException(
                    "codelog.mongo.failure-collection",
                    PropertyOrigins.named("codelog.mongo.failure-collection") + " is blank.",
                    "Set it to a collection name such as " + MongoDualWriteFailureLog.DEFAULT_COLLECTION + ".");
        }
    }
}
