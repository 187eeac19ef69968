package io.codelog.autoconfigure;

import io.codelog.autoconfigure.CodeLogProperties.Store;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the selection uses the S3 store and {@code codelog.s3.id-index} is {@code mongo}. */
final class MongoIdIndexCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("codelog S3 id index in MongoDB");
        if (selected(context.getEnvironment())) {
            return ConditionOutcome.match(message.because(IdIndexMode.PROPERTY + " is mongo and S3 is used"));
        }
        return ConditionOutcome.noMatch(message.because(IdIndexMode.PROPERTY + " is not mongo or S3 is not used"));
    }

    /** Whether the S3 store is used with its id index in MongoDB. */
    static boolean selected(Environment environment) {
        if (!StoreSelection.of(environment).needs(Store.S3)) {
            return false;
        }
        String value =
                Binder.get(environment).bind(IdIndexMode.PROPERTY, String.class).orElse(null);
        try {
            return IdIndexMode.parse(value) == IdIndexMode.MONGO;
        } catch (IllegalArgumentException invalid) {
            // Not mongo; S3SettingsFactory fails start-up naming the variable and the values it accepts.
            return false;
        }
    }
}
