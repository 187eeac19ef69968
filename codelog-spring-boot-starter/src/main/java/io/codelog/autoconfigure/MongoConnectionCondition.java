package io.codelog.autoconfigure;

import io.codelog.autoconfigure.CodeLogProperties.Store;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the selection needs the MongoDB store, the S3 store keeps its id index in MongoDB, or {@code
 * codelog.mongo.uri} names a MongoDB of codelog's.
 */
final class MongoConnectionCondition extends SpringBootCondition {

    private static final String URI = "codelog.mongo.uri";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("codelog MongoDB connection");
        if (StoreSelection.of(context.getEnvironment()).needs(Store.MONGO)) {
            return ConditionOutcome.match(message.because("the selection uses the MongoDB store"));
        }
        if (MongoIdIndexCondition.selected(context.getEnvironment())) {
            return ConditionOutcome.match(message.because("the S3 store keeps its id index in MongoDB"));
        }
        if (StringUtils.hasText(context.getEnvironment().getProperty(URI))) {
            return ConditionOutcome.match(message.foundExactly("property " + URI));
        }
        return ConditionOutcome.noMatch(message.because("MongoDB is not used and " + URI + " is not set"));
    }
}
