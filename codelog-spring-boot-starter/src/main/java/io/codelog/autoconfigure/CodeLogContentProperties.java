package io.codelog.autoconfigure;

import io.codelog.core.ContentPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The limit on a log's content, bound from {@code codelog.content.*}. */
@ConfigurationProperties(prefix = CodeLogContentProperties.PREFIX)
public class CodeLogContentProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "codelog.content";

    /** The longest content kept, in UTF-16 characters (the Go service's limit by default). */
    private int maxLength = 8000;

    /** What happens to longer content: truncate keeps the first max-length characters, reject refuses the log. */
    private ContentPolicy policy = ContentPolicy.TRUNCATE;

    /** The longest content kept. */
    public int getMaxLength() {
        return maxLength;
    }

    /** Sets the longest content kept. */
    public void setMaxLength(int maxLength) {
        this.maxLength = maxLength;
    }

    /** What happens to longer content. */
    public ContentPolicy getPolicy() {
        return policy;
    }

    /** Sets what happens to longer content. */
    public void setPolicy(ContentPolicy policy) {
        this.policy = policy;
    }
}
