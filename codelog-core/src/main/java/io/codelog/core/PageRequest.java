package io.codelog.core;

/**
 * A validated page of {@link CodeLogRepository#listRunLogs}: a size from 1 to {@link #MAX_LIMIT} and a page
 * number from 1.
 *
 * @param limit how many logs a page holds
 * @param page the page number, starting at 1
 */
public record PageRequest(int limit, int page) {

    /** The largest page: one S3 LIST returns at most this many keys. */
    public static final int MAX_LIMIT = 1_000;

    /** @throws InvalidCodeLogException naming {@code limit} or {@code page} when out of range */
    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidCodeLogException("limit", "must be from 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (page < 1) {
            throw new InvalidCodeLogException("page", "must be 1 or more (pages start at 1), was " + page);
        }
    }

    /** How many logs come before this page. */
    public long offset() {
        return (long) (page - 1) * limit;
    }
}
