package io.codelog.test;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** The argument sources of {@link CodeLogRepositoryContract}: hostile ids and content that must round-trip. */
final class ContractSamples {

    static final int DEFAULT_MAX = 8_000;
    static final String EMOJI = "\uD83D\uDE80"; // U+1F680, two UTF-16 chars

    private ContractSamples() {}

    /** Ids no store may accept: path tricks, encodings, whitespace, controls and near-miss lengths. */
    static Stream<Arguments> hostileIds() {
        return Stream.of(
                hostile("empty", ""),
                hostile("slash", "/"),
                hostile("dot dot", ".."),
                hostile("path traversal", "../../etc"),
                hostile("traversal before an ObjectId", "../65f2c3a1b4d5e6f708192a3b"),
                hostile("percent-encoded slash", "%2F"),
                hostile("a/b", "a/b"),
                hostile("ObjectId with a slash inside", "65f2c3a1b4d5/6f708192a3b"),
                hostile("spaces", "   "),
                hostile("ObjectId with a trailing space", "65f2c3a1b4d5e6f708192a3b "),
                hostile("newline", "\n"),
                hostile("ObjectId then newline", "65f2c3a1b4d5e6f708192a3b\n"),
                hostile("NUL", "\u0000"),
                hostile("25 hex digits", "65f2c3a1b4d5e6f708192a3b0"),
                hostile("23 hex digits", "65f2c3a1b4d5e6f708192a3"),
                hostile("24 chars, not hex", "65f2c3a1b4d5e6f708192a3g"),
                hostile("10,000 characters", "a".repeat(10_000)),
                hostile("UUID without dashes", "3f1e8c2a7b4d4e9fa1c25d6e7f8a9b0c"),
                hostile("UUID in braces", "{3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c}"),
                hostile("UUID with misplaced dashes", "3f1e8c2a7-b4d-4e9f-a1c2-5d6e7f8a9b0c"),
                hostile("full-width digits", "\uFF16\uFF15f2c3a1b4d5e6f708192a3b"));
    }

    /** Content that every store keeps exactly, character for character. */
    static Stream<Arguments> contents() {
        return Stream.of(
                content("plain ASCII", "hello, world"),
                content("letters of many scripts", "Grüße · 你好 · Привет · مرحبا · שלום · नमस्ते"),
                content(
                        "emoji and joined emoji",
                        "build ok " + EMOJI + " \uD83D\uDC69\u200D\uD83D\uDCBB \uD83C\uDDEB\uD83C\uDDF7"),
                content("several lines with LF and CRLF", "line 1\nline 2\r\nline 3\n\n"),
                content(
                        "JSON- and HTML-hostile characters",
                        "{\"a\": \"b\\\"c\", \"d\": [1, 2]} \\ \\\\ \\u0041 </script><script>alert('x')</script>"),
                content("line and paragraph separators", "a\u2028b\u2029c"),
                content("control characters other than NUL", "tab\there\u0001\u0008\u000C\u001B[31mred\u001B[0m\u007F"),
                content("markup and entities", "<?xml version='1.0'?><a href=\"x\">&amp;&lt;</a>"),
                content("template and path lookalikes", "100% ${jndi:ldap://x} %2F ../../etc/passwd {{x}}"),
                content("leading and trailing whitespace", "  padded\t \n"),
                content("empty", ""),
                content("exactly the maximum, ending in an emoji", "x".repeat(DEFAULT_MAX - 2) + EMOJI),
                content("exactly the maximum of multi-byte characters", "é".repeat(DEFAULT_MAX)));
    }

    private static Arguments hostile(String name, String id) {
        return Arguments.of(Named.of(name, id));
    }

    private static Arguments content(String name, String text) {
        return Arguments.of(Named.of(name, text));
    }
}
