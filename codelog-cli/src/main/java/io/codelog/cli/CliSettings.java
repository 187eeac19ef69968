package io.codelog.cli;

import io.codelog.autoconfigure.CodeLogCleanerProperties;
import io.codelog.autoconfigure.CodeLogContentProperties;
import io.codelog.autoconfigure.CodeLogMongoProperties;
import io.codelog.autoconfigure.CodeLogRulesFactory;
import io.codelog.autoconfigure.CodeLogS3Properties;
import io.codelog.autoconfigure.PropertyOrigins;
import io.codelog.core.CodeLogRules;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The {@code codelog.*} settings, bound exactly as a service binds them: a non-web Spring Boot application
 * whose environment holds the given variables, so that the starter's {@code FLOWS_CODE_ACTIONS_*} mapping,
 * relaxed binding, application files and {@code --codelog.x=y} arguments all apply. Open while a command runs.
 */
final class CliSettings implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private CliSettings(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Binds the settings.
     *
     * @param variables the environment variables to read, in place of the process's
     * @param arguments {@code --codelog.x=y} arguments, which win over everything else
     */
    static CliSettings load(Map<String, String> variables, List<String> arguments) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(variables)));
        SpringApplication application = new SpringApplication(CliSettingsConfiguration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        application.setEnvironment(environment);
        return new CliSettings(application.run(arguments.toArray(String[]::new)));
    }

    /** The environment, for messages that name where a value came from. */
    ConfigurableEnvironment environment() {
        return context.getEnvironment();
    }

    /** Names properties with the origin of their values. */
    PropertyOrigins origins() {
        return new PropertyOrigins(environment());
    }

    CodeLogS3Properties s3() {
        return context.getBean(CodeLogS3Properties.class);
    }

    CodeLogMongoProperties mongo() {
        return context.getBean(CodeLogMongoProperties.class);
    }

    CodeLogCleanerProperties cleaner() {
        return context.getBean(CodeLogCleanerProperties.class);
    }

    /** The content limit, clock and ids the stores apply, as the starter builds them. */
    CodeLogRules rules(Clock clock) {
        return new CodeLogRulesFactory(context.getBean(CodeLogContentProperties.class)).build(clock);
    }

    @Override
    public void close() {
        context.close();
    }
}
