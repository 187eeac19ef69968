package io.codelog.mongo;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogIds;
import io.codelog.core.InvalidCodeLogException;
import io.codelog.core.LogType;
import io.codelog.core.MalformedCodeLogException;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Maps a code log to and from the Go service's document: {@code _id}, {@code run_id}, {@code code_id},
 * {@code type}, {@code content}, {@code created_at}, {@code updated_at}, plus {@code created_at_ns} and
 * {@code updated_at_ns} for the nanoseconds a BSON date cannot hold. Reads both historical shapes of the ids.
 */
final class CodeLogDocumentMapper {

    static final String ID = "_id";
    static final String RUN_ID = "run_id";
    static final String CODE_ID = "code_id";
    static final String TYPE = "type";
    static final String CONTENT = "content";
    static final String CREATED_AT = "created_at";
    static final String CREATED_AT_NS = "created_at_ns";
    static final String UPDATED_AT = "updated_at";
    static final String UPDATED_AT_NS = "updated_at_ns";

    private static final long GO_ZERO_TIME_MILLIS = MongoCodeLogDocuments.GO_ZERO_TIME.getTime();

    private CodeLogDocumentMapper() {}

    /** The document for a stored log (all fields set); run and code ids are written as strings. */
    static Document toDocument(CodeLog log) {
        MongoInstant created = MongoInstant.of(log.createdAt());
        MongoInstant updated = MongoInstant.of(log.updatedAt());
        return new Document(ID, idValue(log.id()))
                .append(RUN_ID, log.runId())
                .append(CODE_ID, log.codeId())
                .append(TYPE, log.type().wireName())
                .append(CONTENT, log.content())
                .append(CREATED_AT, created.date())
                .append(UPDATED_AT, updated.date())
                .append(CREATED_AT_NS, created.nanosOfMilli())
                .append(UPDATED_AT_NS, updated.nanosOfMilli());
    }

    /** The {@code _id} of a valid log id: an ObjectId for 24 hex digits, else the UUID string. */
    static Object idValue(String validId) {
        return CodeLogIds.isObjectId(validId) ? new ObjectId(validId) : validId;
    }

    /**
     * Reads a stored document. Ids become lower-case strings whether stored as ObjectIds or strings; a missing
     * {@code updated_at} reads as {@code created_at}, a missing nanosecond field as 0, missing content as "".
     *
     * @throws MalformedCodeLogException when an id, the type or {@code created_at} is missing or invalid
     */
    static CodeLog fromDocument(Document document) {
        String id = readId("id", document.get(ID));
        String runId = readId(RUN_ID, document.get(RUN_ID));
        String codeId = readId(CODE_ID, document.get(CODE_ID));
        LogType type = readType(document.get(TYPE));
        String content = readContent(document.get(CONTENT));
        Instant created = readInstant(CREATED_AT, document.get(CREATED_AT), document.get(CREATED_AT_NS));
        if (created == null) {
            throw new MalformedCodeLogException(CREATED_AT + " is missing or the zero time");
        }
        Instant updated = readInstant(UPDATED_AT, document.get(UPDATED_AT), document.get(UPDATED_AT_NS));
        return new CodeLog(id, runId, codeId, type, content, created, updated == null ? created : updated);
    }

    /**
     * The id of a stored document, as the store reports it (lower-case hex for an ObjectId); an id of another
     * kind, which the store cannot read but still counts, as its text.
     */
    static String idOf(Document document) {
        Object id = document.get(ID);
        try {
            return readId("id", id);
        } catch (MalformedCodeLogException unreadable) {
            return String.valueOf(id);
        }
    }

    private static String readId(String field, Object value) {
        if (value instanceof ObjectId objectId) {
            return objectId.toHexString();
        }
        if (value instanceof String text) {
            try {
                return CodeLogIds.requireValid(field, text);
            } catch (InvalidCodeLogException e) {
                throw new MalformedCodeLogException(e.getMessage());
            }
        }
        if (value == null) {
            throw new MalformedCodeLogException(field + " is missing");
        }
        throw new MalformedCodeLogException(field + " is " + describeType(value) + ", not an ObjectId or string");
    }

    private static LogType readType(@Nullable Object value) {
        try {
            return LogType.fromWireName(value instanceof String text ? text : null);
        } catch (InvalidCodeLogException e) {
            throw new MalformedCodeLogException(TYPE + " is missing or not debug, info or error");
        }
    }

    private static String readContent(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        throw new MalformedCodeLogException(CONTENT + " is " + describeType(value) + ", not a string");
    }

    /** The instant of a date field and its nanosecond field, or null when the date is missing or Go's zero. */
    private static @Nullable Instant readInstant(String field, @Nullable Object date, @Nullable Object nanos) {
        long millis;
        if (date == null) {
            return null;
        } else if (date instanceof Date javaDate) {
            millis = javaDate.getTime();
        } else if (date instanceof Instant instant) {
            millis = instant.toEpochMilli();
        } else {
            throw new MalformedCodeLogException(field + " is " + describeType(date) + ", not a date");
        }
        if (millis == GO_ZERO_TIME_MILLIS) {
            return null;
        }
        return new MongoInstant(millis, readNanos(field + "_ns", nanos)).toInstant();
    }

    private static int readNanos(String field, @Nullable Object value) {
        if (value == null) {
            return 0;
        }
        if ((value instanceof Integer || value instanceof Long) && isNanosOfMilli(((Number) value).longValue())) {
            return ((Number) value).intValue();
        }
        throw new MalformedCodeLogException(field + " is not an integer from 0 to 999999");
    }

    private static boolean isNanosOfMilli(long value) {
        return value >= 0 && value < MongoInstant.NANOS_PER_MILLI;
    }

    /** The kind of a stored value, never the value itself: it may be anything a user's code wrote. */
    private static String describeType(Object value) {
        return "of type " + value.getClass().getSimpleName();
    }
}
