package io.codelog.core;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every store does to a log before writing it: validates ids and type, applies the content limit,
 * assigns an id when absent and stamps both timestamps from the clock. Stores call it before any I/O.
 *
 * <p>Creation times never decrease (a clock that steps back is held at the last instant) and a generated id
 * is made under the same lock as its timestamp, so ids generated here sort in {@code createdAt} order.
 */
public final class CodeLogRules {

    private final ContentRules content;
    private final Clock clock;
    private final IdGenerator ids;
    private final Object stampLock = new Object();
    private Instant lastStamp = Instant.MIN;

    /**
     * @param content the content limit and policy
     * @param clock the source of {@code createdAt} and {@code updatedAt}
     * @param ids the source of ids for logs created without one
     */
    public CodeLogRules(ContentRules content, Clock clock, IdGenerator ids) {
        this.content = Objects.requireNonNull(content, "content");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** The defaults: 8,000 characters truncated, the UTC system clock, ObjectIds. */
    public static CodeLogRules defaults() {
        return new CodeLogRules(ContentRules.DEFAULT, Clock.systemUTC(), IdGenerator.objectIds());
    }

    /** The default content rules and ObjectIds, with this clock. */
    public static CodeLogRules withClock(Clock clock) {
        return new CodeLogRules(ContentRules.DEFAULT, clock, IdGenerator.objectIds());
    }

    /** The content limit and policy. */
    public ContentRules content() {
        return content;
    }

    /** The clock that stamps creation and update times. */
    public Clock clock() {
        return clock;
    }

    /**
     * The log to store for {@link CodeLogRepository#create}: validated, with id and timestamps set.
     *
     * @throws InvalidCodeLogException naming the first invalid field
     */
    public CodeLog prepareCreate(CodeLog log) {
        if (log == null) {
            throw new InvalidCodeLogException("log", "is required");
        }
        String suppliedId = log.id() == null ? null : CodeLogIds.requireValid("id", log.id());
        String runId = CodeLogIds.requireValid("run_id", log.runId());
        String codeId = CodeLogIds.requireValid("code_id", log.codeId());
        if (log.type() == null) {
            throw new InvalidCodeLogException("type", "is required (debug, info or error)");
        }
        String limitedContent = content.apply(log.content());
        Instant now;
        String id;
        synchronized (stampLock) {
            now = clock.instant();
            if (now.isBefore(lastStamp)) {
                now = lastStamp;
            }
            lastStamp = now;
            id = suppliedId != null ? suppliedId : ids.newId(now);
        }
        return new CodeLog(id, runId, codeId, log.type(), limitedContent, now, now);
    }

    /**
     * The log to store for {@link CodeLogRepository#put}: ids validated and lower-cased, everything else kept.
     * The content limit is not applied: a copy must stay identical to its source.
     *
     * @throws InvalidCodeLogException naming the first missing or invalid field
     */
    public static CodeLog preparePut(CodeLog log) {
        if (log == null) {
            throw new InvalidCodeLogException("log", "is required");
        }
        String id = CodeLogIds.requireValid("id", log.id());
        String runId = CodeLogIds.requireValid("run_id", log.runId());
        String codeId = CodeLogIds.requireValid("code_id", log.codeId());
        if (log.type() == null) {
            throw new InvalidCodeLogException("type", "is required (debug, info or error)");
        }
        if (log.content() == null) {
            throw new InvalidCodeLogException("content", "is required (may be empty)");
        }
        if (log.createdAt() == null) {
            throw new InvalidCodeLogException("created_at", "is required");
        }
        Instant updatedAt = log.updatedAt() == null ? log.createdAt() : log.updatedAt();
        return new CodeLog(id, runId, codeId, log.type(), log.content(), log.createdAt(), updatedAt);
    }

    /** The content to store for {@link CodeLogRepository#update}, validated and limited. */
    public String prepareContent(String newContent) {
        return content.apply(newContent);
    }

    /** The instant of an update: now, but never before the log's {@code createdAt}. */
    public Instant updateTime(@Nullable Instant createdAt) {
        Instant now = clock.instant();
        return createdAt != null && now.isBefore(createdAt) ? createdAt : now;
    }

    /**
     * Checks the arguments of {@link CodeLogRepository#deleteOlder}.
     *
     * @throws InvalidCodeLogException naming {@code cutoff} or {@code limit}
     */
    public static void checkDeleteOlder(Instant cutoff, long limit) {
        if (cutoff == null) {
            throw new InvalidCodeLogException("cutoff", "is required");
        }
        if (limit < 1) {
            throw new InvalidCodeLogException("limit", "must be 1 or more, was " + limit);
        }
    }
}
