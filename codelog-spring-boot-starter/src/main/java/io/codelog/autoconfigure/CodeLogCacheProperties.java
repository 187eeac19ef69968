package io.codelog.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The read cache of logs by id, bound from {@code codelog.cache.*}. */
@ConfigurationProperties(prefix = CodeLogCacheProperties.PREFIX)
public class CodeLogCacheProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "codelog.cache";

    /** Whether findById reads through the application's CacheManager, cache "codelog". */
    private boolean enabled;

    /** Whether findById reads through the cache. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets whether findById reads through the cache. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
