package io.codelog.bench;

import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The MongoDB store's document shape written and read by hand with the driver's {@link Document}, as a user of
 * the raw driver would: ObjectId {@code _id}, string run and code ids, BSON dates plus the nanoseconds of the
 * millisecond beside them. Only for logs with ObjectId ids, the only ones the benchmark makes.
 */
final class StoreDocuments {

    static final String CREATED_AT = "created_at";

    private static final int NANOS_PER_MILLI = 1_000_000;

    private StoreDocuments() {}

    /** The document the store holds for the log. */
    static Document of(CodeLog log) {
        return of(new ObjectId(log.id()), log, log.createdAt(), log.updatedAt());
    }

    /** The document of a new log: a new ObjectId, created and updated {@code now}, the payload's other fields. */
    static Document ofNew(CodeLog payload, Instant now) {
        return of(new ObjectId(), payload, now, now);
    }

    private static Document of(ObjectId id, CodeLog log, Instant createdAt, Instant updatedAt) {
        return new Document("_id", id)
                .append("run_id", log.runId())
                .append("code_id", log.codeId())
                .append("type", log.type().wireName())
                .append("content", log.content())
                .append(CREATED_AT, Date.from(createdAt))
                .append("updated_at", Date.from(updatedAt))
                .append("created_at_ns", createdAt.getNano() % NANOS_PER_MILLI)
                .append("updated_at_ns", updatedAt.getNano() % NANOS_PER_MILLI);
    }

    /** The log of a document written by {@link #of}. */
    static CodeLog read(Document document) {
        return new CodeLog(
                document.getObjectId("_id").toHexString(),
                document.getString("run_id"),
                document.getString("code_id"),
                LogType.fromWireName(document.getString("type")),
                document.getString("content"),
                instant(document.getDate(CREATED_AT), document.getInteger("created_at_ns")),
                instant(document.getDate("updated_at"), document.getInteger("updated_at_ns")));
    }

    private static Instant instant(Date date, int nanosOfMilli) {
        return date.toInstant().plusNanos(nanosOfMilli);
    }
}
