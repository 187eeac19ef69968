package io.codelog.autoconfigure;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import java.time.Duration;
import java.util.Optional;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The daily retention cleaner of {@code codelog.cleaner.*}, run by one instance of the service at a time under a
 * ShedLock lock: the application's own {@link LockProvider} when it defines one, else codelog's, in the MongoDB
 * codelog is configured with or, when there is none, in the logs' S3 bucket. codelog's lock provider is held by a
 * {@link CleanerLock}, never a bean of its own, so an application using ShedLock for its own tasks never gets it.
 * Off with {@code codelog.cleaner.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = CodeLogCleanerProperties.PREFIX, name = "enabled", matchIfMissing = true)
@Import({MongoCleanerLockConfiguration.class, S3CleanerLockConfiguration.class})
class CodeLogCleanerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CodeLogCleanerConfiguration.class);

    private static final String BATCH_SIZE = "codelog.cleaner.batch-size";
    private static final String RETENTION_PERIOD = "codelog.cleaner.retention-period";
    private static final String LOCK_AT_MOST_FOR = "codelog.cleaner.lock-at-most-for";
    private static final String LOCK_AT_LEAST_FOR = "codelog.cleaner.lock-at-least-for";

    /** The application's own lock provider when it defines one, else the lock of the first home the service has. */
    @Bean
    @ConditionalOnMissingBean
    CleanerLock codeLogCleanerLock(
            ObjectProvider<LockProvider> applicationLocks, ObjectProvider<CleanerLockHome> homes) {
        LockProvider application = applicationLocks.getIfAvailable();
        if (application != null) {
            return new CleanerLock(application, "the application's LockProvider");
        }
        CleanerLock lock = homes.orderedStream()
                .map(CleanerLockHome::lock)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new CodeLogConfigurationException(
                        "codelog.cleaner.enabled",
                        "The retention cleaner locks so that one instance cleans at a time, in MongoDB when one is"
                                + " configured or else in the logs' S3 bucket, and this service has neither.",
                        "Set " + PropertyOrigins.named("codelog.mongo.uri") + ", define a ShedLock LockProvider"
                                + " bean, or set " + PropertyOrigins.named("codelog.cleaner.enabled")
                                + " to false."));
        LOG.info("The codelog retention cleaner locks in {}", lock.home());
        return lock;
    }

    @Bean
    @ConditionalOnMissingBean
    CodeLogRetentionCleaner codeLogRetentionCleaner(
            CodeLogRepository repository, CleanerLock lock, CodeLogRules rules, CodeLogCleanerProperties properties) {
        if (properties.getBatchSize() < 1) {
            throw invalid(BATCH_SIZE, properties.getBatchSize(), "Set it to 1 or more, e.g. 10000.");
        }
        requirePositive(RETENTION_PERIOD, properties.getRetentionPeriod(), "30d");
        requirePositive(LOCK_AT_MOST_FOR, properties.getLockAtMostFor(), "1h");
        Duration atLeast = properties.getLockAtLeastFor();
        if (atLeast == null || atLeast.isNegative() || atLeast.compareTo(properties.getLockAtMostFor()) > 0) {
            throw invalid(
                    LOCK_AT_LEAST_FOR,
                    atLeast,
                    "Set it to zero or more and no longer than " + LOCK_AT_MOST_FOR + " ("
                            + properties.getLockAtMostFor() + "), e.g. 5m.");
        }
        return new CodeLogRetentionCleaner(
                repository,
                new DefaultLockingTaskExecutor(lock.provider()),
                rules.clock(),
                properties.getRetentionPeriod(),
                properties.getBatchSize(),
                properties.getLockAtMostFor(),
                atLeast);
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

    private static void requirePositive(String property, @Nullable Duration value, String example) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw invalid(property, value, "Set it to a positive duration, e.g. " + example + ".");
        }
    }

    private static CodeLogConfigurationException invalid(String property, @Nullable Object value, String action) {
        return new CodeLogConfigurationException(
                property, PropertyOrigins.named(property) + " is " + value + ".", "Fix " + property + ": " + action);
    }
}
