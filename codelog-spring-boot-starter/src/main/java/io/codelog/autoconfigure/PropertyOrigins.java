package io.codelog.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/** Names a property in messages: the property, its environment variable, and where its value came from. */
public final class PropertyOrigins {

    private final Environment environment;

    /** Names properties with the origins of their values in this environment. */
    public PropertyOrigins(Environment environment) {
        this.environment = environment;
    }

    /** The property and its variable, e.g. {@code codelog.s3.region (FLOWS_CODE_ACTIONS_S3_REGION)}. */
    public static String named(String property) {
        return named(property, null);
    }

    /**
     * The property, its variable and where its value was set, e.g. {@code codelog.s3.region
     * (FLOWS_CODE_ACTIONS_S3_REGION; set by System Environment Property "FLOWS_CODE_ACTIONS_S3_REGION")}.
     */
    static String named(String property, @Nullable Origin origin) {
        String variable =
                FlowsVariable.forProperty(property).map(FlowsVariable::variable).orElse(null);
        String setBy = origin == null ? null : "set by " + origin;
        if (variable == null && setBy == null) {
            return property;
        }
        return property + " (" + (variable == null ? setBy : setBy == null ? variable : variable + "; " + setBy) + ")";
    }

    /** The property, its variable and where the environment's value of it was set. */
    String describe(String property) {
        ConfigurationProperty found = find(environment, property);
        return named(property, found == null ? null : found.getOrigin());
    }

    /** The environment's value of a property as a message shows it, or {@code not set}. */
    String valueOf(String property) {
        ConfigurationProperty found = find(environment, property);
        return found == null ? "not set" : String.valueOf(found.getValue());
    }

    /** The first value of a property in the environment's order, with its origin, or null. */
    static @Nullable ConfigurationProperty find(Environment environment, String property) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty found = source.getConfigurationProperty(name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
