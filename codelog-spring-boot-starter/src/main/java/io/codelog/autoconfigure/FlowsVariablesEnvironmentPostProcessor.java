package io.codelog.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;

/**
 * Makes the {@code FLOWS_CODE_ACTIONS_*} variables of {@link FlowsVariable} set their {@code codelog.*}
 * properties. The values go into a property source placed last, so that a {@code codelog.*} property set
 * anywhere else wins, and keep their origin, so that an error names the variable that held the bad value.
 */
final class FlowsVariablesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The name of the property source that holds the copied values. */
    static final String PROPERTY_SOURCE_NAME = "codelogFlowsVariables";

    /** Runs after the config data processor so that values from application files are seen too. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(PROPERTY_SOURCE_NAME);
        Map<String, Object> copied = new LinkedHashMap<>();
        for (FlowsVariable variable : FlowsVariable.values()) {
            ConfigurationProperty found = PropertyOrigins.find(environment, variable.relaxedName());
            if (found != null) {
                copied.put(variable.property(), OriginTrackedValue.of(found.getValue(), found.getOrigin()));
            }
        }
        if (!copied.isEmpty()) {
            sources.addLast(new OriginTrackedMapPropertySource(PROPERTY_SOURCE_NAME, copied));
        }
    }
}
