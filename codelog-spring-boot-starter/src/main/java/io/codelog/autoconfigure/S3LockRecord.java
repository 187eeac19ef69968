package io.codelog.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The body of an S3 lock object, {@code {"lockUntil", "lockedAt", "lockedBy", "writeId"}} with ISO-8601 instants.
 * Reading skips unknown fields.
 *
 * @param lockUntil until when the lock is held
 * @param lockedAt when the holder took it
 * @param lockedBy the holder's host name, for people reading the object
 * @param writeId unique to each write: an ETag is the MD5 of the body, so two writes of otherwise equal bodies (one
 *     host, one millisecond) would share an ETag and {@code If-Match} could not tell them apart
 */
record S3LockRecord(
        Instant lockUntil,
        Instant lockedAt,
        @Nullable String lockedBy,
        @Nullable String writeId) {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** A record with a new write id. */
    static S3LockRecord of(Instant lockUntil, Instant lockedAt, String lockedBy) {
        return new S3LockRecord(lockUntil, lockedAt, lockedBy, UUID.randomUUID().toString());
    }

    /** The UTF-8 JSON of this record. */
    byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeStringProperty("lockUntil", lockUntil.toString());
            json.writeStringProperty("lockedAt", lockedAt.toString());
            json.writeStringProperty("lockedBy", lockedBy);
            json.writeStringProperty("writeId", writeId);
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    /**
     * The record in these bytes, or empty when they are not a JSON object with valid {@code lockUntil} and
     * {@code lockedAt} instants.
     */
    static Optional<S3LockRecord> parse(byte[] bytes) {
        String lockUntil = null;
        String lockedAt = null;
        String lockedBy = null;
        String writeId = null;
        try (JsonParser json = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            JsonToken token;
            while ((token = json.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = json.currentName();
                if (json.nextToken() != JsonToken.VALUE_STRING) {
                    json.skipChildren();
                    continue;
                }
                switch (name) {
                    case "lockUntil" -> lockUntil = json.getString();
                    case "lockedAt" -> lockedAt = json.getString();
                    case "lockedBy" -> lockedBy = json.getString();
                    case "writeId" -> writeId = json.getString();
                    default -> {}
                }
            }
            if (token != JsonToken.END_OBJECT || lockUntil == null || lockedAt == null) {
                return Optional.empty();
            }
            return Optional.of(new S3LockRecord(Instant.parse(lockUntil), Instant.parse(lockedAt), lockedBy, writeId));
        } catch (JacksonException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
