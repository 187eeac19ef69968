package io.codelog.s3;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Told about each object a listing skips because its key or body is not a readable code log (a body is read twice
 * before it is skipped). Receives the
 * key and a short reason, never the object's content. Called from the store's threads; must be thread-safe.
 */
@FunctionalInterface
public interface UnreadableObjectListener {

    /** Called once for each skipped object. */
    void onUnreadable(String key, String reason);

    /** A listener that logs a WARN naming the key and the reason. */
    static UnreadableObjectListener logWarning() {
        Logger log = LoggerFactory.getLogger(S3CodeLogRepository.class);
        return (key, reason) -> log.warn("Skipped unreadable S3 object {}: {}", key, reason);
    }

    /** This listener, then the other one. */
    default UnreadableObjectListener andThen(UnreadableObjectListener next) {
        return (key, reason) -> {
            onUnreadable(key, reason);
            next.onUnreadable(key, reason);
        };
    }
}
