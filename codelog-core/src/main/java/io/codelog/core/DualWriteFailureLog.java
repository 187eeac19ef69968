package io.codelog.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@link DualWriteCodeLogRepository} records secondary-store failures. A durable implementation (the
 * MongoDB one) lets the migration's verify and repair find every log to fix.
 */
@FunctionalInterface
public interface DualWriteFailureLog {

    /** Records one failure; must not throw for an ordinary storage hiccup of its own. */
    void record(DualWriteFailure failure);

    /** Records failures only as WARN log lines: not durable, for tests and services without MongoDB. */
    static DualWriteFailureLog warnOnly() {
        Logger logger = LoggerFactory.getLogger(DualWriteFailureLog.class);
        return failure -> logger.warn(
                "Dual-write secondary {} failed for log {}: {}",
                failure.operation(),
                failure.logId(),
                failure.reason());
    }
}
