package io.codelog.s3;

import io.codelog.core.CodeLog;
import io.codelog.core.MalformedCodeLogException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The keys and bytes {@link S3CodeLogRepository} reads and writes for one configuration, for tools that work on
 * the bucket directly (the migration compares and copies objects without going through the repository). What
 * this class builds is byte for byte what the store writes, so objects made with it are indistinguishable.
 */
public final class S3ObjectFormat {

    private final S3KeyLayout layout;
    private final LogObjectCodec codec;
    private final int maxObjectBytes;

    /** The format of a store with these settings. */
    public S3ObjectFormat(S3CodeLogSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.layout = new S3KeyLayout(settings.bucket(), settings.prefix());
        this.maxObjectBytes =
                LogObjectCodec.maxObjectBytes(settings.rules().content().maxLength());
        this.codec = new LogObjectCodec(settings.gzip(), maxObjectBytes);
    }

    /**
     * The largest object, compressed or not, that the store reads: it never downloads a larger one, so a log whose
     * object is larger is stored but cannot be read back through the store.
     */
    public int maxObjectBytes() {
        return maxObjectBytes;
    }

    /**
     * A log key the store recognises, with the parts its path carries.
     *
     * @param key the full object key
     * @param day the date of the key's day prefix (not necessarily the UTC date of the log's createdAt)
     * @param runId the run segment
     * @param codeId the code segment
     * @param logId the log id of the file name
     * @param legacy whether the key sits under the legacy root {@code {bucket}/{prefix}/logs/}
     */
    public record ParsedKey(String key, LocalDate day, String runId, String codeId, String logId, boolean legacy) {}

    /** The key the store writes a stored log under: its UTC createdAt day, under the standard root. */
    public String logKey(CodeLog log) {
        return layout.logKey(LocalDate.ofInstant(log.createdAt(), ZoneOffset.UTC), log.runId(), log.codeId(), log.id());
    }

    /** The key of the id index pointer of a log. */
    public String indexKey(String logId) {
        return layout.indexKey(logId);
    }

    /** {@code {root}yyyy/MM/dd/} under the standard root, or the legacy one. */
    public String dayPrefix(LocalDate day, boolean legacy) {
        return layout.dayPrefix(legacy ? LogKey.Root.LEGACY : LogKey.Root.STANDARD, day);
    }

    /** The parts of a log key, or empty when the key is not exactly a log key under either root. */
    public Optional<ParsedKey> parse(String key) {
        return layout.parse(key)
                .map(parsed -> new ParsedKey(
                        parsed.key(),
                        parsed.day(),
                        parsed.runId(),
                        parsed.codeId(),
                        parsed.logId(),
                        parsed.root() == LogKey.Root.LEGACY));
    }

    /** The body of a stored log's object: its JSON, gzip-compressed when the settings say so. */
    public byte[] logBody(CodeLog log) {
        return codec.encode(log).bytes();
    }

    /** The body of a stored log's id index pointer. */
    public byte[] indexBody(CodeLog log) {
        return IdIndexJson.write(logKey(log), log);
    }

    /**
     * The log an object body holds, compressed or not.
     *
     * @param contentEncoding the object's {@code Content-Encoding}, or null
     * @throws MalformedCodeLogException with a reason that never quotes the body
     */
    public CodeLog readLog(byte[] body, @Nullable String contentEncoding) {
        return codec.decodeBody(body, contentEncoding);
    }
}
