package io.codelog.autoconfigure;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The cleaner's lock home when the service has no MongoDB: an object under {@code {prefix}/locks/} of the logs'
 * bucket, taken and released with S3 conditional writes (see {@link S3LockProvider}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {StoreClasses.S3_CLIENT, CodeLogAutoConfiguration.S3_STORE_TYPE})
class S3CleanerLockConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    CleanerLockHome s3CleanerLockHome(ObjectProvider<CodeLogS3Connection> s3) {
        return () -> Optional.ofNullable(s3.getIfAvailable()).map(connection -> {
            S3LockProvider provider = new S3LockProvider(
                    connection.client(),
                    connection.settings().bucket(),
                    connection.settings().prefix());
            return new CleanerLock(
                    provider,
                    "S3 bucket " + connection.settings().bucket() + ", prefix \""
                            + connection.settings().prefix() + "\", under locks/");
        });
    }
}
