package io.codelog.s3;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogJson;
import io.codelog.core.CodeLogTimestamps;
import io.codelog.core.MalformedCodeLogException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Turns a log into the object the Go service writes (JSON body, user metadata {@code run-id}, {@code code-id},
 * {@code log-type}, {@code created-at}), optionally gzip-compressed, and reads such objects back whether or not
 * they are compressed.
 */
final class LogObjectCodec {

    static final String META_RUN_ID = "run-id";
    static final String META_CODE_ID = "code-id";
    static final String META_LOG_TYPE = "log-type";
    static final String META_CREATED_AT = "created-at";
    static final String GZIP = "gzip";

    private static final int MIN_MAX_OBJECT_BYTES = 1024 * 1024;
    private static final int JSON_OVERHEAD_BYTES = 64 * 1024;
    // A UTF-16 char of content takes at most 6 bytes of JSON: a six-character unicode escape.
    private static final int MAX_JSON_BYTES_PER_CHAR = 6;

    private final CodeLogJson json = new CodeLogJson();
    private final boolean gzip;
    private final int maxObjectBytes;

    /**
     * @param gzip whether new bodies are compressed
     * @param maxObjectBytes the largest body, compressed or not, that is read; see {@link #maxObjectBytes}
     */
    LogObjectCodec(boolean gzip, int maxObjectBytes) {
        this.gzip = gzip;
        this.maxObjectBytes = maxObjectBytes;
    }

    /**
     * The largest object a log with this content limit can need, and at least 1 MiB: bigger objects are not
     * logs this store or the Go service wrote, and reading them whole could exhaust the heap.
     */
    static int maxObjectBytes(int maxContentLength) {
        long needed = (long) maxContentLength * MAX_JSON_BYTES_PER_CHAR + JSON_OVERHEAD_BYTES;
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(MIN_MAX_OBJECT_BYTES, needed));
    }

    /** The bytes and headers of one PUT. */
    record Body(byte[] bytes, @Nullable String contentEncoding, Map<String, String> metadata) {}

    /** The object to PUT for a stored log. */
    Body encode(CodeLog log) {
        byte[] plain = json.write(log);
        Map<String, String> metadata = Map.of(
                META_RUN_ID, log.runId(),
                META_CODE_ID, log.codeId(),
                META_LOG_TYPE, log.type().wireName(),
                META_CREATED_AT, CodeLogTimestamps.format(log.createdAt()));
        return gzip ? new Body(compress(plain), GZIP, metadata) : new Body(plain, null, metadata);
    }

    /**
     * Reads the log an object holds and checks that its ids are the ones its key names.
     *
     * @throws MalformedCodeLogException with a reason that never quotes the body
     */
    CodeLog decode(LogKey key, S3Calls.StoredObject object) {
        CodeLog log = decodeBody(object.bytes(), object.contentEncoding());
        if (!log.id().equals(key.logId())
                || !log.runId().equals(key.runId())
                || !log.codeId().equals(key.codeId())) {
            throw new MalformedCodeLogException("the ids in the body do not match the ids in the key");
        }
        return log;
    }

    /**
     * Reads the log a body holds, compressed or not, without checking it against a key.
     *
     * @throws MalformedCodeLogException with a reason that never quotes the body
     */
    CodeLog decodeBody(byte[] bytes, @Nullable String contentEncoding) {
        return json.read(isGzip(bytes, contentEncoding) ? decompress(bytes) : bytes);
    }

    private static boolean isGzip(byte[] bytes, @Nullable String contentEncoding) {
        if (contentEncoding != null && contentEncoding.toLowerCase(Locale.ROOT).contains(GZIP)) {
            return true;
        }
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    private static byte[] compress(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 32);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        return out.toByteArray();
    }

    private byte[] decompress(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] plain = in.readNBytes(maxObjectBytes + 1);
            if (plain.length > maxObjectBytes) {
                throw new MalformedCodeLogException("gzip body over " + maxObjectBytes + " bytes");
            }
            return plain;
        } catch (IOException e) {
            throw new MalformedCodeLogException("not a valid gzip body", e);
        }
    }
}
