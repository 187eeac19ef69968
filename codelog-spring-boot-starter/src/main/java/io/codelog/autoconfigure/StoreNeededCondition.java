package io.codelog.autoconfigure;

import io.codelog.autoconfigure.CodeLogProperties.Store;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the {@link StoreSelection} needs a store (as the primary, or as the other store of a fallback or
 * dual-write mode) and its classes are on the classpath. A value that does not parse fails start-up here, before
 * any bean is built; a needed store whose classes are missing fails it when the repository is composed, naming the
 * dependency, unless the application defines its own repository.
 */
abstract class StoreNeededCondition extends SpringBootCondition {

    private final Store store;

    StoreNeededCondition(Store store) {
        this.store = store;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        StoreSelection selection = StoreSelection.of(context.getEnvironment());
        ConditionMessage.Builder message = ConditionMessage.forCondition("codelog store " + store);
        String found = "store " + StoreSelection.wireName(selection.primary()) + ", mode "
                + StoreSelection.wireName(selection.mode());
        if (!selection.needs(store)) {
            return ConditionOutcome.noMatch(
                    message.didNotFind("a selection that uses it, only").items(found));
        }
        if (!StoreClasses.present(store, context.getClassLoader())) {
            return ConditionOutcome.noMatch(
                    message.didNotFind("the store's classes").atAll());
        }
        return ConditionOutcome.match(message.found("selection").items(found));
    }

    /** Matches when MongoDB is needed. */
    static final class Mongo extends StoreNeededCondition {
        Mongo() {
            super(Store.MONGO);
        }
    }

    /** Matches when S3 is needed. */
    static final class S3 extends StoreNeededCondition {
        S3() {
            super(Store.S3);
        }
    }
}
