package io.codelog.autoconfigure;

import io.codelog.autoconfigure.CodeLogProperties.Mode;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code codelog.mode} is dual-write, read as the composition reads it. */
final class DualWriteModeCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Mode mode = StoreSelection.of(context.getEnvironment()).mode();
        ConditionMessage.Builder message = ConditionMessage.forCondition("codelog mode dual-write");
        return mode == Mode.DUAL_WRITE
                ? ConditionOutcome.match(message.foundExactly("mode dual-write"))
                : ConditionOutcome.noMatch(message.because("mode is " + StoreSelection.wireName(mode)));
    }
}
