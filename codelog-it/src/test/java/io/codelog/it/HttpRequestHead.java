package io.codelog.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The request line and headers of one HTTP/1.1 request, read off a connection, and just enough of the body
 * rules to skip a body that will not be forwarded.
 */
final class HttpRequestHead {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final String requestLine;
    private final List<String> headers;

    private HttpRequestHead(String requestLine, List<String> headers) {
        this.requestLine = requestLine;
        this.headers = headers;
    }

    /** The request line, e.g. {@code PUT /bucket/key HTTP/1.1}. */
    String requestLine() {
        return requestLine;
    }

    /**
     * Reads a head up to its empty line, leaving the body in the stream.
     *
     * @return null when the connection ended before a request started
     * @throws IOException when the head is cut short or over 64 KiB
     */
    static HttpRequestHead read(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null) {
            return null;
        }
        List<String> headers = new ArrayList<>();
        int size = requestLine.length();
        for (String line = readLine(in); ; line = readLine(in)) {
            if (line == null) {
                throw new IOException("connection ended inside a request head");
            }
            if (line.isEmpty()) {
                return new HttpRequestHead(requestLine, headers);
            }
            size += line.length();
            if (size > MAX_HEAD_BYTES) {
                throw new IOException("request head over " + MAX_HEAD_BYTES + " bytes");
            }
            headers.add(line);
        }
    }

    /**
     * The bytes of one HTTP message head, its empty line included, as read: for an answer that is passed on as it
     * came.
     *
     * @return null when the connection ended before a head started
     * @throws IOException when the head is cut short or over 64 KiB
     */
    static byte[] readHeadBytes(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        int b;
        int lineLength = 0;
        while ((b = in.read()) != -1) {
            head.write(b);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("head over " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                if (lineLength == 0) {
                    return head.toByteArray();
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
        if (head.size() == 0) {
            return null;
        }
        throw new IOException("connection ended inside a head");
    }

    /**
     * An answer head, as {@link #readHeadBytes} read it, announcing a body of this length: its
     * {@code Content-Length} replaced. An answer sent in chunks is refused, as its body is not the bytes that follow.
     */
    static byte[] withContentLength(byte[] answerHead, int length) {
        String[] lines = new String(answerHead, StandardCharsets.ISO_8859_1).split("\r\n", -1);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            if (name(line).equals("transfer-encoding")) {
                throw new IllegalArgumentException("a chunked answer: " + lines[0]);
            }
            out.append(name(line).equals("content-length") ? "Content-Length: " + length : line)
                    .append("\r\n");
        }
        return out.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Whether this is a HEAD request, whose answer has no body. */
    boolean isHead() {
        return requestLine.startsWith("HEAD ");
    }

    /** The head as bytes with {@code Connection: close}, so the server ends the connection after answering. */
    byte[] withConnectionClose() {
        StringBuilder out = new StringBuilder(requestLine).append("\r\n");
        for (String header : headers) {
            if (!name(header).equals("connection")) {
                out.append(header).append("\r\n");
            }
        }
        out.append("Connection: close\r\n\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads and drops the body the client sends without waiting for an answer. A client that asked for
     * {@code 100-continue} sends nothing until told to, so there is nothing to skip.
     */
    void skipBody(InputStream in) throws IOException {
        if (value("expect").equalsIgnoreCase("100-continue")) {
            return;
        }
        if (value("transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
            skipChunks(in);
            return;
        }
        String length = value("content-length");
        if (!length.isEmpty()) {
            in.skipNBytes(Long.parseLong(length.trim()));
        }
    }

    private static void skipChunks(InputStream in) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("connection ended inside a chunked body");
            }
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                    // trailers are dropped with the body
                }
                return;
            }
            in.skipNBytes(size);
            readLine(in);
        }
    }

    private String value(String name) {
        for (String header : headers) {
            if (name(header).equals(name)) {
                return header.substring(header.indexOf(':') + 1).trim();
            }
        }
        return "";
    }

    private static String name(String header) {
        int colon = header.indexOf(':');
        return (colon < 0 ? header : header.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() > MAX_HEAD_BYTES) {
                throw new IOException("line over " + MAX_HEAD_BYTES + " bytes");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
