package io.codelog.it.history;

import io.codelog.core.CodeLog;
import java.time.Instant;

/**
 * A log as a store returned it, reduced to what the checker compares.
 *
 * @param id the log's id
 * @param run the log's run
 * @param content the log's content, which names the create or update that wrote it
 * @param createdAt when the store says the log was created
 */
public record Seen(String id, String run, String content, Instant createdAt) {

    /** What the checker keeps of a returned log. */
    public static Seen of(CodeLog log) {
        return new Seen(log.id(), log.runId(), log.content(), log.createdAt());
    }

    @Override
    public String toString() {
        return id + "=" + Call.tag(content);
    }
}
