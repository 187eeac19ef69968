package io.codelog.cli;

import io.codelog.autoconfigure.CodeLogCleanerProperties;
import io.codelog.autoconfigure.CodeLogContentProperties;
import io.codelog.autoconfigure.CodeLogMongoProperties;
import io.codelog.autoconfigure.CodeLogS3Properties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the starter's property classes, and nothing else: the command line builds its stores itself. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    CodeLogS3Properties.class,
    CodeLogMongoProperties.class,
    CodeLogContentProperties.class,
    CodeLogCleanerProperties.class
})
class CliSettingsConfiguration {}
