package io.codelog.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeLogJsonMalformedTest {

    private static final String LOG_ID = "507f1f77bcf86cd799439012";
    private static final String RUN_ID = "507f1f77bcf86cd799439011";
    private static final String CODE_ID = "507f191e810c19729de860ea";
    private static final String SECRET = "s3cr3t-content";

    private final CodeLogJson json = new CodeLogJson();

    static Stream<Arguments> malformedDocuments() {
        String ids = "\"id\":\"" + LOG_ID + "\",\"run_id\":\"" + RUN_ID + "\",\"code_id\":\"" + CODE_ID + "\",";
        String rest = "\"type\":\"info\",\"content\":\"" + SECRET + "\",\"created_at\":\"2024-12-10T18:04:05Z\"";
        return Stream.of(
                Arguments.of("empty input", "", "not a JSON object"),
                Arguments.of("whitespace only", "  \n ", "not a JSON object"),
                Arguments.of("an array", "[{" + ids + rest + "}]", "not a JSON object"),
                Arguments.of("a string", "\"" + SECRET + "\"", "not a JSON object"),
                Arguments.of("a number", "42", "not a JSON object"),
                Arguments.of("truncated in content", "{" + ids + "\"content\":\"" + SECRET, "JSON"),
                Arguments.of("truncated after a value", "{" + ids + rest, "JSON"),
                Arguments.of("truncated after a comma", "{" + ids, "JSON"),
                Arguments.of("missing id", "{" + ids.replace("\"id\"", "\"_id\"") + rest + "}", "Invalid id:"),
                Arguments.of("null id", "{" + ids.replace("\"" + LOG_ID + "\"", "null") + rest + "}", "Invalid id:"),
                Arguments.of("missing run_id", "{" + ids.replace("\"run_id\"", "\"runId\"") + rest + "}", "run_id"),
                Arguments.of("missing code_id", "{" + ids.replace("\"code_id\"", "\"codeId\"") + rest + "}", "code_id"),
                Arguments.of(
                        "missing created_at",
                        "{" + ids + rest.replace("\"created_at\"", "\"createdAt\"") + "}",
                        "created_at"),
                Arguments.of("invalid id", "{" + ids.replace(LOG_ID, "../x") + rest + "}", "Invalid id:"),
                Arguments.of("invalid run_id", "{" + ids.replace(RUN_ID, "%2F") + rest + "}", "run_id"),
                Arguments.of("unknown type", "{" + ids + rest.replace("\"info\"", "\"warning\"") + "}", "type"),
                Arguments.of("missing type", "{" + ids + rest.replace("\"type\"", "\"level\"") + "}", "type"),
                Arguments.of(
                        "number as id",
                        "{" + ids.replace("\"" + LOG_ID + "\"", "12") + rest + "}",
                        "id is not a string"),
                Arguments.of(
                        "number as run_id",
                        "{" + ids.replace("\"" + RUN_ID + "\"", "1.5") + rest + "}",
                        "run_id is not a string"),
                Arguments.of("boolean as type", "{" + ids + rest.replace("\"info\"", "true") + "}", "type"),
                Arguments.of(
                        "object as content", "{" + ids + rest.replace("\"" + SECRET + "\"", "{}") + "}", "content"),
                Arguments.of("array as content", "{" + ids + rest.replace("\"" + SECRET + "\"", "[]") + "}", "content"),
                Arguments.of(
                        "number as created_at",
                        "{" + ids + rest.replace("\"2024-12-10T18:04:05Z\"", "1733853845") + "}",
                        "created_at"),
                Arguments.of(
                        "garbage created_at",
                        "{" + ids + rest.replace("2024-12-10T18:04:05Z", "yesterday") + "}",
                        "created_at"),
                Arguments.of(
                        "zero created_at",
                        "{" + ids + rest.replace("2024-12-10T18:04:05Z", "0001-01-01T00:00:00Z") + "}",
                        "created_at"),
                Arguments.of(
                        "garbage updated_at",
                        "{" + ids + rest + ",\"updated_at\":\"2024-13-45T00:00:00Z\"}",
                        "updated_at"),
                Arguments.of("number as updated_at", "{" + ids + rest + ",\"updated_at\":0}", "updated_at"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDocuments")
    void malformedDocumentsNameTheProblemNeverTheContent(String description, String document, String problem) {
        assertThatThrownBy(() -> read(document))
                .isInstanceOf(MalformedCodeLogException.class)
                .hasMessageContaining(problem)
                .message()
                .doesNotContain(SECRET)
                .doesNotContain("s3cr3t");
    }

    /** Jackson's own messages quote the offending token, which may be part of a log line: never passed on. */
    @ParameterizedTest
    @ValueSource(strings = {SECRET + " is a plain text line", "{\"content\":" + SECRET + "}", SECRET})
    void syntaxErrorsNeverEchoTheInput(String document) {
        assertThatThrownBy(() -> read(document))
                .isInstanceOf(MalformedCodeLogException.class)
                .hasMessageContaining("JSON")
                .message()
                .doesNotContain("s3cr3t");
    }

    private void read(String document) {
        json.read(document.getBytes(UTF_8));
    }
}
