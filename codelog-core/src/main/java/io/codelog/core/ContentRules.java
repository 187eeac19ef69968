package io.codelog.core;

/**
 * The limit on a log's content, in UTF-16 characters as Java counts them, and what to do beyond it.
 *
 * @param maxLength the largest content kept, at least 1
 * @param policy truncate or reject content over the limit
 */
public record ContentRules(int maxLength, ContentPolicy policy) {

    /** The Go service's limit. */
    public static final int DEFAULT_MAX_LENGTH = 8_000;

    /** 8,000 characters, truncated beyond. */
    public static final ContentRules DEFAULT = new ContentRules(DEFAULT_MAX_LENGTH, ContentPolicy.TRUNCATE);

    public ContentRules {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
        if (policy == null) {
            throw new IllegalArgumentException("policy is required");
        }
    }

    /**
     * The content to store: unchanged when within the limit, else truncated or rejected by the policy.
     *
     * @throws InvalidCodeLogException naming {@code content} when it is null, or too long under REJECT
     */
    public String apply(String content) {
        if (content == null) {
            throw new InvalidCodeLogException("content", "is required (may be empty)");
        }
        if (content.length() <= maxLength) {
            return content;
        }
        if (policy == ContentPolicy.REJECT) {
            throw new InvalidCodeLogException(
                    "content", "is " + content.length() + " characters, over the maximum of " + maxLength);
        }
        int end = maxLength;
        if (Character.isHighSurrogate(content.charAt(end - 1)) && Character.isLowSurrogate(content.charAt(end))) {
            end--;
        }
        return content.substring(0, end);
    }
}
