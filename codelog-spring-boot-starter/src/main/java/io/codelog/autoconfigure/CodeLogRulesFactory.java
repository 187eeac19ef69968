package io.codelog.autoconfigure;

import io.codelog.core.CodeLogRules;
import io.codelog.core.ContentRules;
import io.codelog.core.IdGenerator;
import java.time.Clock;

/**
 * Builds the {@link CodeLogRules} of {@code codelog.content.*}: the content limit and policy, ObjectId ids and a
 * clock. The starter and the command line both take their rules from here, so a limit the service accepts is one
 * the command line accepts.
 */
public final class CodeLogRulesFactory {

    private static final String MAX_LENGTH = "codelog.content.max-length";

    private final CodeLogContentProperties content;

    /** A factory of the rules these properties describe. */
    public CodeLogRulesFactory(CodeLogContentProperties content) {
        this.content = content;
    }

    /**
     * The rules, on a clock.
     *
     * @throws CodeLogConfigurationException naming {@code codelog.content.max-length} when it is below 1
     */
    public CodeLogRules build(Clock clock) {
        ContentRules contentRules;
        try {
            contentRules = new ContentRules(content.getMaxLength(), content.getPolicy());
        } catch (IllegalArgumentException e) {
            throw new CodeLogConfigurationException(
                    MAX_LENGTH,
                    PropertyOrigins.named(MAX_LENGTH) + " is " + content.getMaxLength() + ".",
                    "Set it to 1 or more (the Go service's limit is " + ContentRules.DEFAULT_MAX_LENGTH + ").");
        }
        return new CodeLogRules(contentRules, clock, IdGenerator.objectIds());
    }
}
