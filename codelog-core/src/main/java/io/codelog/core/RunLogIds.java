package io.codelog.core;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A store that can tell which ids a filter matches without reading the logs: from S3 keys, from a MongoDB
 * projection. {@link FallbackCodeLogRepository} counts the logs both of its stores hold with it, in LISTs and
 * one query, instead of reading every log.
 */
public interface RunLogIds {

    /**
     * The ids of the logs that {@link CodeLogRepository#count} counts for this filter, in no particular order.
     *
     * @throws InvalidCodeLogException when the filter is invalid, as for {@link CodeLogRepository#count}
     */
    Set<String> runLogIds(@Nullable String runId, @Nullable String codeId);
}
