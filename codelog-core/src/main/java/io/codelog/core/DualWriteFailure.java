package io.codelog.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A write that reached the primary store but not the secondary one, kept so that verification can repair it.
 *
 * @param logId the log the write was for (null for {@code deleteOlder})
 * @param operation the repository operation, e.g. {@code create}
 * @param at when the secondary write failed
 * @param reason the failure, without content or credentials
 */
public record DualWriteFailure(@Nullable String logId, String operation, Instant at, String reason) {}
