package io.codelog.core;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON form of a code log, shared with the Go service and the Python engine: fields {@code id},
 * {@code run_id}, {@code code_id}, {@code type}, {@code content}, {@code created_at}, {@code updated_at}.
 * Reading ignores unknown fields and accepts a missing {@code updated_at} (it becomes {@code createdAt}).
 * Instances are immutable and thread-safe.
 */
public final class CodeLogJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes a stored log (all fields set) as UTF-8 JSON. */
    public byte[] write(CodeLog log) {
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(256 + 2 * log.content().length());
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeStringProperty("id", log.id());
            json.writeStringProperty("run_id", log.runId());
            json.writeStringProperty("code_id", log.codeId());
            json.writeStringProperty("type", log.type().wireName());
            json.writeStringProperty("content", log.content());
            json.writeStringProperty("created_at", CodeLogTimestamps.format(log.createdAt()));
            json.writeStringProperty("updated_at", CodeLogTimestamps.format(log.updatedAt()));
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    /**
     * Reads one log.
     *
     * @throws MalformedCodeLogException when the bytes are not JSON, or an identity field or
     *     {@code created_at} is missing or invalid
     */
    public CodeLog read(byte[] bytes) {
        try (JsonParser json = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedCodeLogException("not a JSON object");
            }
            Fields fields = new Fields();
            JsonToken token;
            while ((token = json.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (!fields.accept(name, value, json)) {
                    json.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new MalformedCodeLogException("truncated JSON object");
            }
            return fields.toCodeLog();
        } catch (UnexpectedEndOfInputException e) {
            throw new MalformedCodeLogException("truncated JSON", e);
        } catch (JacksonException e) {
            // Jackson's own message quotes the offending token, which may be part of a log line: keep only where.
            long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            throw new MalformedCodeLogException("invalid JSON at byte " + offset);
        }
    }

    /** The recognised fields of one document while it is parsed. */
    private static final class Fields {
        private @Nullable String id;
        private @Nullable String runId;
        private @Nullable String codeId;
        private @Nullable String type;
        private @Nullable String content;
        private @Nullable String createdAt;
        private @Nullable String updatedAt;

        boolean accept(String name, JsonToken value, JsonParser json) {
            String text = value == JsonToken.VALUE_STRING ? json.getString() : null;
            boolean known = true;
            switch (name) {
                case "id" -> id = text;
                case "run_id" -> runId = text;
                case "code_id" -> codeId = text;
                case "type" -> type = text;
                case "content" -> content = text;
                case "created_at" -> createdAt = text;
                case "updated_at" -> updatedAt = text;
                default -> known = false;
            }
            if (known && value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                throw new MalformedCodeLogException(name + " is not a string");
            }
            return known;
        }

        CodeLog toCodeLog() {
            String validId = readId("id", id);
            String validRunId = readId("run_id", runId);
            String validCodeId = readId("code_id", codeId);
            LogType logType;
            try {
                logType = LogType.fromWireName(type);
            } catch (InvalidCodeLogException e) {
                throw new MalformedCodeLogException("type is missing or not debug, info or error");
            }
            if (createdAt == null) {
                throw new MalformedCodeLogException("created_at is missing");
            }
            Instant created = CodeLogTimestamps.parse("created_at", createdAt);
            if (created == null) {
                throw new MalformedCodeLogException("created_at is the zero time");
            }
            Instant updated = updatedAt == null ? null : CodeLogTimestamps.parse("updated_at", updatedAt);
            return new CodeLog(
                    validId,
                    validRunId,
                    validCodeId,
                    logType,
                    content == null ? "" : content,
                    created,
                    updated == null ? created : updated);
        }

        private static String readId(String field, @Nullable String value) {
            try {
                return CodeLogIds.requireValid(field, value);
            } catch (InvalidCodeLogException e) {
                throw new MalformedCodeLogException(e.getMessage());
            }
        }
    }
}
