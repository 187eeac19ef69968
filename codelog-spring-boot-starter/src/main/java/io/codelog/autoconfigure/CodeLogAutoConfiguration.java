package io.codelog.autoconfigure;

import io.codelog.core.CodeLogRules;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Gives the application a {@link io.codelog.core.CodeLogRepository}: MongoDB unless {@code codelog.s3.enabled}
 * (or the seed's {@code FLOWS_CODE_ACTIONS_S3_ENABLED}) makes S3 the store, alone or joined by the other store
 * as {@code codelog.mode} says. Every bean backs off when the application defines its own. Health and metrics are
 * auto-configurations of their own ({@link CodeLogHealthAutoConfiguration}, {@link CodeLogMetricsAutoConfiguration}),
 * so that each can be excluded alone.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "io.awspring.cloud.autoconfigure.s3.S3AutoConfiguration"
        })
@EnableConfigurationProperties({
    CodeLogProperties.class,
    CodeLogS3Properties.class,
    CodeLogMongoProperties.class,
    CodeLogContentProperties.class,
    CodeLogCleanerProperties.class,
    CodeLogAuditProperties.class,
    CodeLogCacheProperties.class
})
@Import({
    CodeLogMongoConnectionConfiguration.class,
    MongoIdIndexConfiguration.class,
    MongoStoreConfiguration.class,
    S3StoreConfiguration.class,
    CodeLogRepositoryConfiguration.class,
    DualWriteFailureLogConfiguration.class,
    CodeLogCleanerConfiguration.class,
    SecretSanitizingConfiguration.class,
    CodeLogAuditConfiguration.class,
    CodeLogCacheConfiguration.class
})
public final class CodeLogAutoConfiguration {

    static final String MONGO_STORE_TYPE = "io.codelog.mongo.MongoCodeLogRepository";
    static final String S3_STORE_TYPE = "io.codelog.s3.S3CodeLogRepository";

    /** The content limit, clock and ids every store applies before it writes. */
    @Bean
    @ConditionalOnMissingBean
    CodeLogRules codeLogRules(CodeLogContentProperties content) {
        return new CodeLogRulesFactory(content).build(Clock.systemUTC());
    }
}
