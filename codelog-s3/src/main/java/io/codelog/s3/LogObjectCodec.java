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

    // Content is capped by ContentRules long before this; the cap only stops a hostile gzip object.
    private static final int MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

    private final CodeLogJson json = new CodeLogJson();
    private final boolean gzip;

    LogObjectCodec(boolean gzip) {
        this.gzip = gzip;
    }

    /** The bytes and headers of one PUT. */
    record Body(byte[] bytes, String contentEncoding, Map<String, String> metadata) {}

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
        byte[] plain = isGzip(object) ? decompress(object.bytes()) : object.bytes();
        CodeLog log = json.read(plain);
        if (!log.id().equals(key.logId())
                || !log.runId().equals(key.runId())
                || !log.codeId().equals(key.codeId())) {
            throw new MalformedCodeLogException("the ids in the body do not match the ids in the key");
        }
        return log;
    }

    private static boolean isGzip(S3Calls.StoredObject object) {
        String encoding = object.contentEncoding();
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains(GZIP)) {
            return true;
        }
        byte[] bytes = object.bytes();
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

    private static byte[] decompress(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] plain = in.readNBytes(MAX_DECOMPRESSED_BYTES + 1);
            if (plain.length > MAX_DECOMPRESSED_BYTES) {
                throw new MalformedCodeLogException("gzip body over " + MAX_DECOMPRESSED_BYTES + " bytes");
            }
            return plain;
        } catch (IOException e) {
            throw new MalformedCodeLogException("not a valid gzip body", e);
        }
    }
}
