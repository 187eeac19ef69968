package io.codelog.autoconfigure;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The daily retention cleaner of {@code codelog.cleaner.*}, locked in the logs' MongoDB (or in the application's
 * own {@link LockProvider}) so that one instance cleans at a time. Off with {@code codelog.cleaner.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = CodeLogCleanerProperties.PREFIX, name = "enabled", matchIfMissing = true)
class CodeLogCleanerConfiguration {

    private static final String BATCH_SIZE = "codelog.cleaner.batch-size";
    private static final String RETENTION_PERIOD = "codelog.cleaner.retention-period";
    private static final String LOCK_AT_MOST_FOR = "codelog.cleaner.lock-at-most-for";

    /** The lock in the MongoDB the logs (or the application) use, collection {@code shedLock}. */
    @Bean
    @ConditionalOnMissingBean(LockProvider.class)
    LockProvider codeLogLockProvider(
            ObjectProvider<CodeLogMongoConnection> connection, ObjectProvider<MongoOperations> applicationTemplates) {
        CodeLogMongoConnection own = connection.getIfAvailable();
        MongoOperations operations = own != null ? own.operations() : applicationTemplates.getIfAvailable();
        if (operations == null) {
            throw new CodeLogConfigurationException(
                    "codelog.cleaner.enabled",
                    "The retention cleaner locks in MongoDB so that one instance cleans at a time, and there is no"
                            + " MongoDB connection.",
                    "Set " + PropertyOrigins.named("codelog.mongo.uri") + ", define a ShedLock LockProvider bean, or"
                            + " set " + PropertyOrigins.named("codelog.cleaner.enabled") + " to false.");
        }
        return new MongoLockProvider(operations.getCollection("shedLock"));
    }

    @Bean
    @ConditionalOnMissingBean
    CodeLogRetentionCleaner codeLogRetentionCleaner(
            CodeLogRepository repository,
            LockProvider lockProvider,
            CodeLogRules rules,
            CodeLogCleanerProperties properties) {
        if (properties.getBatchSize() < 1) {
            throw invalid(BATCH_SIZE, properties.getBatchSize(), "Set it to 1 or more, e.g. 10000.");
        }
        if (properties.getRetentionPeriod() == null
                || properties.getRetentionPeriod().isNegative()
                || properties.getRetentionPeriod().isZero()) {
            throw invalid(
                    RETENTION_PERIOD, properties.getRetentionPeriod(), "Set it to a positive duration, e.g. 30d.");
        }
        if (properties.getLockAtMostFor() == null
                || properties.getLockAtMostFor().isNegative()
                || properties.getLockAtMostFor().isZero()) {
            throw invalid(LOCK_AT_MOST_FOR, properties.getLockAtMostFor(), "Set it to a positive duration, e.g. 1h.");
        }
        return new CodeLogRetentionCleaner(
                repository,
                new DefaultLockingTaskExecutor(lockProvider),
                rules.clock(),
                properties.getRetentionPeriod(),
                properties.getBatchSize(),
                properties.getLockAtMostFor());
    }

    @Bean
    @ConditionalOnMissingBean
    CodeLogCleanerSchedule codeLogCleanerSchedule(
            CodeLogRetentionCleaner cleaner, CodeLogCleanerProperties properties) {
        if (properties.getScheduleTime() == null || properties.getZone() == null) {
            throw new CodeLogConfigurationException(
                    "codelog.cleaner.schedule-time",
                    PropertyOrigins.named("codelog.cleaner.schedule-time") + " or "
                            + PropertyOrigins.named("codelog.cleaner.zone") + " is empty.",
                    "Set the time as HH:mm, e.g. 01:00, and the zone as e.g. UTC.");
        }
        return new CodeLogCleanerSchedule(cleaner, properties.getScheduleTime(), properties.getZone());
    }

    private static CodeLogConfigurationException invalid(String property, Object value, String action) {
        return new CodeLogConfigurationException(
                property, PropertyOrigins.named(property) + " is " + value + ".", "Fix " + property + ": " + action);
    }
}
