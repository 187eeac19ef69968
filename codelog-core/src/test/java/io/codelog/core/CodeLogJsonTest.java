package io.codelog.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

class CodeLogJsonTest {

    private static final String LOG_ID = "507f1f77bcf86cd799439012";
    private static final String RUN_ID = "507f1f77bcf86cd799439011";
    private static final String CODE_ID = "507f191e810c19729de860ea";

    private final CodeLogJson json = new CodeLogJson();

    private final CodeLog full = new CodeLog(
            LOG_ID,
            RUN_ID,
            CODE_ID,
            LogType.ERROR,
            "Traceback (most recent call last):\n  File \"main.py\"",
            Instant.parse("2024-12-10T18:04:05.123456789Z"),
            Instant.parse("2024-12-11T01:02:03.000000001Z"));

    @Test
    void roundTripOfAFullLogIsExact() {
        assertThat(json.read(json.write(full))).isEqualTo(full);
    }

    @Test
    void writesExactlyTheSevenFieldsInOrderAsStrings() {
        Map<String, String> fields = parseFlatObject(json.write(full));

        assertThat(fields.keySet())
                .containsExactly("id", "run_id", "code_id", "type", "content", "created_at", "updated_at");
        assertThat(fields)
                .containsEntry("id", LOG_ID)
                .containsEntry("run_id", RUN_ID)
                .containsEntry("code_id", CODE_ID)
                .containsEntry("type", "error")
                .containsEntry("content", full.content());
    }

    @Test
    void writesTimestampsInUtcWithZ() {
        CodeLog log =
                full.withTimestamps(Instant.parse("2024-12-10T18:04:05Z"), Instant.parse("2024-12-10T18:04:05.120Z"));

        Map<String, String> fields = parseFlatObject(json.write(log));

        assertThat(fields.get("created_at")).isEqualTo("2024-12-10T18:04:05Z");
        assertThat(fields.get("updated_at")).isEqualTo("2024-12-10T18:04:05.120Z");
        assertThat(Instant.parse(fields.get("created_at"))).isEqualTo(log.createdAt());
    }

    @Test
    void writesEveryTypeInLowerCase() {
        for (LogType type : LogType.values()) {
            CodeLog log = new CodeLog(LOG_ID, RUN_ID, CODE_ID, type, "", full.createdAt(), full.updatedAt());

            assertThat(parseFlatObject(json.write(log))).containsEntry("type", type.wireName());
        }
    }

    @Test
    void writesUtf8() {
        String text = new String(json.write(full.withContent("caf\u00e9 \uD83D\uDE00", full.updatedAt())), UTF_8);

        assertThat(text).contains("caf\u00e9 \uD83D\uDE00");
    }

    @Test
    void readsTheGoServiceForm() {
        String go = "{\"id\":\"507f1f77bcf86cd799439012\",\"run_id\":\"507f1f77bcf86cd799439011\","
                + "\"code_id\":\"507f191e810c19729de860ea\",\"type\":\"info\",\"content\":\"hello\","
                + "\"created_at\":\"2024-12-10T15:04:05.123456789-03:00\","
                + "\"updated_at\":\"2024-12-10T15:04:05.123456789-03:00\"}";

        CodeLog log = read(go);

        Instant expected = Instant.parse("2024-12-10T18:04:05.123456789Z");
        assertThat(log).isEqualTo(new CodeLog(LOG_ID, RUN_ID, CODE_ID, LogType.INFO, "hello", expected, expected));
    }

    @Test
    void goZeroUpdatedAtBecomesCreatedAt() {
        CodeLog log = read(
                document("\"created_at\":\"2024-12-10T15:04:05.5-03:00\",\"updated_at\":\"0001-01-01T00:00:00Z\""));

        assertThat(log.createdAt()).isEqualTo(Instant.parse("2024-12-10T18:04:05.5Z"));
        assertThat(log.updatedAt()).isEqualTo(log.createdAt());
    }

    @Test
    void readsGoEscapes() {
        CodeLog log = read("{\"id\":\"" + LOG_ID + "\",\"run_id\":\"" + RUN_ID + "\",\"code_id\":\"" + CODE_ID
                + "\",\"type\":\"debug\",\"content\":\"\\u003cb\\u003e \\u0026 \\u2028 \\ud83d\\ude00 \\u0000\","
                + "\"created_at\":\"2024-12-10T18:04:05Z\"}");

        assertThat(log.content()).isEqualTo("<b> & \u2028 \uD83D\uDE00 \u0000");
    }

    @Test
    void readsThePythonEngineForm() {
        String python = "{\"id\": \"3b241101-e2bb-4255-8caf-4136c566a962\","
                + " \"run_id\": \"c9bf9e57-1685-4c89-bafb-ff5af830be8a\","
                + " \"code_id\": \"f81d4fae-7dec-11d0-a765-00a0c91e6bf6\", \"type\": \"INFO\","
                + " \"content\": \"done\", \"created_at\": \"2025-12-15T22:00:00.123456+00:00\","
                + " \"updated_at\": \"2025-12-15T22:00:01.5+00:00\"}";

        CodeLog log = read(python);

        assertThat(log)
                .isEqualTo(new CodeLog(
                        "3b241101-e2bb-4255-8caf-4136c566a962",
                        "c9bf9e57-1685-4c89-bafb-ff5af830be8a",
                        "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
                        LogType.INFO,
                        "done",
                        Instant.parse("2025-12-15T22:00:00.123456Z"),
                        Instant.parse("2025-12-15T22:00:01.5Z")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-12-15T22:00:00.123456+00:00",
                "2025-12-15T22:00:00.123456",
                "2025-12-15 22:00:00.123456",
                "2025-12-15 22:00:00.123456+00:00",
                "2025-12-15T19:00:00.123456-03:00"
            })
    void readsPythonTimestampsAsUtc(String createdAt) {
        CodeLog log = read(document("\"created_at\":\"" + createdAt + "\""));

        assertThat(log.createdAt()).isEqualTo(Instant.parse("2025-12-15T22:00:00.123456Z"));
    }

    @Test
    void ignoresUnknownFieldsIncludingNestedOnes() {
        CodeLog log = read("{\"_id\":{\"$oid\":\"" + LOG_ID + "\"},\"id\":\"" + LOG_ID + "\",\"run_id\":\"" + RUN_ID
                + "\",\"tags\":[\"a\",{\"id\":\"not-an-id\",\"type\":7}],\"code_id\":\"" + CODE_ID + "\","
                + "\"meta\":{\"content\":{\"deep\":[[1,2],{\"x\":null}]},\"created_at\":false},\"version\":3,"
                + "\"type\":\"error\",\"content\":\"kept\",\"extra\":null,\"flag\":true,"
                + "\"created_at\":\"2024-12-10T18:04:05Z\",\"trailing\":[]}");

        assertThat(log)
                .isEqualTo(new CodeLog(
                        LOG_ID,
                        RUN_ID,
                        CODE_ID,
                        LogType.ERROR,
                        "kept",
                        Instant.parse("2024-12-10T18:04:05Z"),
                        Instant.parse("2024-12-10T18:04:05Z")));
    }

    @Test
    void missingUpdatedAtBecomesCreatedAt() {
        CodeLog log = read(document("\"created_at\":\"2024-12-10T18:04:05.25Z\""));

        assertThat(log.updatedAt()).isEqualTo(Instant.parse("2024-12-10T18:04:05.25Z"));
    }

    @Test
    void upperCaseTypeAndIdsAreNormalised() {
        CodeLog log = read("{\"id\":\"" + LOG_ID.toUpperCase() + "\",\"run_id\":\"" + RUN_ID.toUpperCase()
                + "\",\"code_id\":\"" + CODE_ID.toUpperCase() + "\",\"type\":\"INFO\",\"content\":\"x\","
                + "\"created_at\":\"2024-12-10T18:04:05Z\"}");

        assertThat(log.type()).isEqualTo(LogType.INFO);
        assertThat(log.id()).isEqualTo(LOG_ID);
        assertThat(log.runId()).isEqualTo(RUN_ID);
        assertThat(log.codeId()).isEqualTo(CODE_ID);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "\uD83D\uDE00 emoji \uD83C\uDDFA\uD83C\uDDF8",
                "\"quoted\" and 'single'",
                "back\\slash \\n not a newline \\u0000",
                "line one\nline two\r\nline three\ttabbed",
                "\u0000\u0001\u001f\u007f control",
                "\u2028\u2029 separators </script>",
                "lone \uD800 high and \uDC00 low surrogates"
            })
    void contentRoundTrips(String content) {
        CodeLog log = full.withContent(content, full.updatedAt());

        assertThat(json.read(json.write(log)).content()).isEqualTo(content);
    }

    @Test
    void longContentRoundTrips() {
        String content = "\uD83D\uDE00\"\\\n".repeat(5_000);

        assertThat(json.read(json.write(full.withContent(content, full.updatedAt())))
                        .content())
                .isEqualTo(content);
    }

    private CodeLog read(String document) {
        return json.read(document.getBytes(UTF_8));
    }

    private static String document(String timestamps) {
        return "{\"id\":\"" + LOG_ID + "\",\"run_id\":\"" + RUN_ID + "\",\"code_id\":\"" + CODE_ID
                + "\",\"type\":\"info\",\"content\":\"x\"," + timestamps + "}";
    }

    /** The properties of a flat JSON object in document order; fails unless every value is a string. */
    private static Map<String, String> parseFlatObject(byte[] bytes) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), bytes)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                names.add(name);
                assertThat(parser.nextToken()).as("value of %s", name).isEqualTo(JsonToken.VALUE_STRING);
                fields.put(name, parser.getString());
            }
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(parser.nextToken()).as("after the object").isNull();
        }
        assertThat(names).as("no duplicate names").doesNotHaveDuplicates();
        return fields;
    }
}
