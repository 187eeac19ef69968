package io.codelog.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One log line of one code run, as every store keeps it. {@code id}, {@code createdAt} and {@code updatedAt}
 * may be null on a log not yet passed to {@link CodeLogRepository#create}; a stored log has all of them.
 *
 * @param id the log's id: a 24-hex ObjectId or a canonical UUID
 * @param runId the id of the code run the line belongs to
 * @param codeId the id of the code that ran
 * @param type the level of the line
 * @param content the text of the line
 * @param createdAt when the line was first stored
 * @param updatedAt when the content was last replaced (equal to {@code createdAt} until then)
 */
public record CodeLog(
        @Nullable String id,
        String runId,
        String codeId,
        LogType type,
        String content,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt) {

    /** A log not yet stored: the store assigns its id and timestamps. */
    public static CodeLog of(String runId, String codeId, LogType type, String content) {
        return new CodeLog(null, runId, codeId, type, content, null, null);
    }

    /** This log with another id. */
    public CodeLog withId(String newId) {
        return new CodeLog(newId, runId, codeId, type, content, createdAt, updatedAt);
    }

    /** This log with other content, updated at the given instant. */
    public CodeLog withContent(String newContent, Instant newUpdatedAt) {
        return new CodeLog(id, runId, codeId, type, newContent, createdAt, newUpdatedAt);
    }

    /** This log with both timestamps set. */
    public CodeLog withTimestamps(Instant newCreatedAt, Instant newUpdatedAt) {
        return new CodeLog(id, runId, codeId, type, content, newCreatedAt, newUpdatedAt);
    }

    /** Keeps content out of {@code toString()}: log lines of user code may hold anything. */
    @Override
    public String toString() {
        return "CodeLog[id=" + id + ", runId=" + runId + ", codeId=" + codeId + ", type=" + type + ", content="
                + (content == null ? "null" : content.length() + " chars") + ", createdAt=" + createdAt
                + ", updatedAt=" + updatedAt + "]";
    }
}
