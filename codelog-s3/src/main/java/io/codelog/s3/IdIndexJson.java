package io.codelog.s3;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogIds;
import io.codelog.core.CodeLogTimestamps;
import io.codelog.core.LogType;
import io.codelog.core.MalformedCodeLogException;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON of an id index pointer: {@code {"key", "run_id", "code_id", "type", "created_at"}}. Reading keeps
 * what is valid and drops the rest, so a damaged pointer degrades to a search instead of an error.
 */
final class IdIndexJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private IdIndexJson() {}

    /** The pointer of a stored log at this key. */
    static byte[] write(String key, CodeLog log) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeStringProperty("key", key);
            json.writeStringProperty("run_id", log.runId());
            json.writeStringProperty("code_id", log.codeId());
            json.writeStringProperty("type", log.type().wireName());
            json.writeStringProperty("created_at", CodeLogTimestamps.format(log.createdAt()));
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    /** The pointer's fields, or empty when the bytes are not a JSON object with a string {@code key}. */
    static Optional<IdIndexEntry> read(byte[] bytes) {
        String key = null;
        String runId = null;
        String codeId = null;
        String type = null;
        String createdAt = null;
        try (JsonParser json = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            JsonToken token;
            while ((token = json.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (value != JsonToken.VALUE_STRING) {
                    json.skipChildren();
                    continue;
                }
                switch (name) {
                    case "key" -> key = json.getString();
                    case "run_id" -> runId = json.getString();
                    case "code_id" -> codeId = json.getString();
                    case "type" -> type = json.getString();
                    case "created_at" -> createdAt = json.getString();
                    default -> {}
                }
            }
            if (token != JsonToken.END_OBJECT || key == null) {
                return Optional.empty();
            }
        } catch (JacksonException e) {
            return Optional.empty();
        }
        return Optional.of(
                new IdIndexEntry(key, validId(runId), validId(codeId), validType(type), validTime(createdAt)));
    }

    private static @Nullable String validId(@Nullable String id) {
        return CodeLogIds.isObjectId(id) || CodeLogIds.isUuid(id) ? CodeLogIds.requireValid("id", id) : null;
    }

    private static @Nullable LogType validType(@Nullable String type) {
        for (LogType candidate : LogType.values()) {
            if (candidate.wireName().equals(type)) {
                return candidate;
            }
        }
        return null;
    }

    private static @Nullable Instant validTime(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return CodeLogTimestamps.parse("created_at", text);
        } catch (MalformedCodeLogException e) {
            return null;
        }
    }
}
