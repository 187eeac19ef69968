package io.codelog.autoconfigure;

import io.codelog.autoconfigure.CodeLogProperties.Store;
import io.codelog.core.CodeLogIdIndex;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.UnreadableObjectListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store, built when the selection needs it, the AWS SDK and codelog-s3 are on the classpath, and the
 * application defines no repository of its own. Uses the application's {@link S3Client} when it has one; the
 * client codelog builds otherwise is not a bean (see {@link CodeLogS3Connection}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {StoreClasses.S3_CLIENT, CodeLogAutoConfiguration.S3_STORE_TYPE})
@Conditional(StoreNeededCondition.S3.class)
@ConditionalOnMissingBean(
        value = CodeLogRepository.class,
        ignoredType = {CodeLogAutoConfiguration.MONGO_STORE_TYPE, CodeLogAutoConfiguration.S3_STORE_TYPE})
class S3StoreConfiguration {

    @Bean
    ConfiguredStore s3ConfiguredStore(S3CodeLogRepository repository) {
        return new ConfiguredStore(Store.S3, repository);
    }

    /** The store of {@code codelog.s3.*}, when the application has no {@link S3CodeLogRepository} of its own. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(S3CodeLogRepository.class)
    static class S3RepositoryConfiguration {

        // Declared first, so created first: a missing bucket is reported before the client's settings.
        @Bean
        @ConditionalOnMissingBean
        S3CodeLogSettings codeLogS3Settings(
                CodeLogS3Properties properties,
                CodeLogRules rules,
                Environment environment,
                ObjectProvider<UnreadableObjectListener> listeners,
                ObjectProvider<CodeLogIdIndex> idIndexes,
                ApplicationContext context) {
            UnreadableObjectListener onUnreadable = listeners
                    .orderedStream()
                    .reduce(UnreadableObjectListener.logWarning(), UnreadableObjectListener::andThen);
            return new S3SettingsFactory(properties, new PropertyOrigins(environment))
                    .build(StoreSelection.of(environment), rules, onUnreadable, () -> {
                        CodeLogIdIndex index = idIndexes.getIfAvailable();
                        if (index == null) {
                            throw S3SettingsFactory.mongoIdIndexUnavailable(
                                    StoreClasses.present(Store.MONGO, context.getClassLoader())
                                            ? "there is no CodeLogIdIndex bean"
                                            : "codelog-mongo (Spring Data MongoDB and the MongoDB driver) is not on"
                                                    + " the classpath");
                        }
                        return index;
                    });
        }

        /**
         * The application's {@link S3Client} when it has one, else a client of {@code codelog.s3.*} that is not a
         * bean of its own.
         */
        @Bean
        CodeLogS3Connection codeLogS3Connection(
                S3CodeLogSettings settings,
                CodeLogS3Properties properties,
                Environment environment,
                ObjectProvider<S3Client> applicationClients,
                ObjectProvider<S3ClientBuilderCustomizer> customizers) {
            S3Client application = applicationClients.getIfAvailable();
            if (application != null) {
                return CodeLogS3Connection.applications(application, settings);
            }
            S3Client own = new S3ClientFactory(properties, new PropertyOrigins(environment))
                    .build(customizers.orderedStream());
            return CodeLogS3Connection.owning(own, settings);
        }

        @Bean
        @ConditionalOnMissingBean
        S3CodeLogRepository s3CodeLogRepository(CodeLogS3Connection connection) {
            return new S3CodeLogRepository(connection.client(), connection.settings());
        }
    }
}
