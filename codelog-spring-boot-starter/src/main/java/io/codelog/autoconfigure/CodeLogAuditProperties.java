package io.codelog.autoconfigure;

import org.slf4j.event.Level;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The audit line written for every write, bound from {@code codelog.audit.*}. */
@ConfigurationProperties(prefix = CodeLogAuditProperties.PREFIX)
public class CodeLogAuditProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "codelog.audit";

    /** The level of the audit lines on the logger io.codelog.audit: error, warn, info, debug or trace. */
    private Level level = Level.DEBUG;

    /** The level of the audit lines. */
    public Level getLevel() {
        return level;
    }

    /** Sets the level of the audit lines. */
    public void setLevel(Level level) {
        this.level = level;
    }
}
