package io.codelog.s3;

import io.codelog.core.CodeLog;
import io.codelog.core.InvalidCodeLogException;
import io.codelog.core.StoredVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The store's conditional copies ({@link io.codelog.core.ConditionalCopyTarget}): an object's version is its key
 * and ETag, a copy is a PUT with {@code If-Match} on that ETag (or {@code If-None-Match: *} when nothing was
 * read), so it never replaces a write made since and never brings back a log deleted since.
 */
final class VersionedObjects {

    private final S3Calls calls;
    private final ParsedObjectReader reader;
    private final S3KeyLayout layout;
    private final LogObjectCodec codec;
    private final LogLocator locator;
    private final IdIndex index;
    private final boolean readLegacyPath;

    VersionedObjects(
            S3Calls calls,
            ParsedObjectReader reader,
            S3KeyLayout layout,
            LogObjectCodec codec,
            LogLocator locator,
            IdIndex index,
            boolean readLegacyPath) {
        this.calls = calls;
        this.reader = reader;
        this.layout = layout;
        this.codec = codec;
        this.locator = locator;
        this.index = index;
        this.readLegacyPath = readLegacyPath;
    }

    /** The key of a log object as read, and the ETag it had. */
    record ObjectVersion(LogKey key, String eTag) {}

    /** The log object the id index entry (or the search) names, as {@link #readAt} reads it. */
    StoredVersion read(String validId) {
        Optional<LogLocator.Location> location = locator.locate("readVersion", validId);
        if (location.isEmpty()) {
            return StoredVersion.absent(validId);
        }
        return readAt(location.get().key(), validId);
    }

    /** The object at the stored log's own key, where {@code put} writes it, as {@link #readAt} reads it. */
    StoredVersion readOwnKey(CodeLog stored) {
        return readAt(ownKey(stored), stored.id());
    }

    /**
     * The object at a log key with its ETag; an object over the byte cap is not downloaded, its ETag comes from a
     * HEAD. A stale id index entry is left alone: this is a read for a decision, not a repair of the index.
     */
    StoredVersion readAt(LogKey key, String validId) {
        Optional<ParsedObjectReader.Parsed<CodeLog>> read;
        try {
            read = reader.read("readVersion", key.key(), object -> codec.decode(key, object));
        } catch (ParsedObjectReader.UnparsableObjectException unreadable) {
            String readETag = unreadable.eTag();
            Optional<String> eTag = readETag != null ? Optional.of(readETag) : calls.headETag("readVersion", key.key());
            return eTag.map(found ->
                            StoredVersion.unreadable(validId, unreadable.reason(), new ObjectVersion(key, found)))
                    .orElseGet(() -> StoredVersion.absent(validId));
        }
        return read.map(parsed -> StoredVersion.of(parsed.value(), new ObjectVersion(key, parsed.eTag())))
                .orElseGet(() -> StoredVersion.absent(validId));
    }

    /**
     * One conditional PUT at the log's own key, then its id index entry once the PUT succeeded. A log read under
     * another key (another day's prefix, the legacy root) leaves the own key to be written only while it is free,
     * as writers of this store write nowhere else.
     */
    boolean putIfUnchanged(CodeLog stored, StoredVersion read) {
        Objects.requireNonNull(read, "read");
        if (!stored.id().equals(read.id())) {
            throw new InvalidCodeLogException("read", "is of log " + read.id() + ", not of log " + stored.id());
        }
        String key = ownKey(stored).key();
        LogObjectCodec.Body body = codec.encode(stored);
        ObjectVersion version = read.exists() ? versionOf(read) : null;
        S3Calls.ConditionalPut put = version != null && version.key().key().equals(key)
                ? calls.putIfMatch(
                        "putIfUnchanged", key, body.bytes(), body.contentEncoding(), body.metadata(), version.eTag())
                : calls.putIfAbsent("putIfUnchanged", key, body.bytes(), body.contentEncoding(), body.metadata());
        if (put.written() != S3Calls.Written.WRITTEN) {
            return false;
        }
        if (index.records()) {
            index.record("putIfUnchanged", key, stored);
        }
        return true;
    }

    /**
     * A HEAD that finds the ETag read, then the DeleteObjects of {@link S3CodeLogRepository#delete}. S3 deletes
     * without a condition here, so a write landing between the HEAD and the delete is lost; the dual-write repair
     * reads the primary again after every change it makes, and copies such a write again.
     */
    boolean deleteIfUnchanged(StoredVersion read) {
        Objects.requireNonNull(read, "read");
        if (!read.exists()) {
            throw new IllegalArgumentException("nothing was stored under " + read.id() + " to delete");
        }
        ObjectVersion version = versionOf(read);
        Optional<String> eTag =
                calls.headETag("deleteIfUnchanged", version.key().key());
        if (eTag.isEmpty() || !eTag.get().equals(version.eTag())) {
            return false;
        }
        List<String> keys = new ArrayList<>(List.of(version.key().key()));
        keys.addAll(index.keysDeletedWith(read.id()));
        if (readLegacyPath) {
            keys.add(layout.counterpartKey(version.key()));
        }
        calls.delete("deleteIfUnchanged", keys);
        index.forget("deleteIfUnchanged", List.of(read.id()));
        return true;
    }

    private LogKey ownKey(CodeLog stored) {
        LocalDate day = DayWindows.utcDay(stored.createdAt());
        return new LogKey(
                layout.logKey(day, stored.runId(), stored.codeId(), stored.id()),
                LogKey.Root.STANDARD,
                day,
                stored.runId(),
                stored.codeId(),
                stored.id());
    }

    private static ObjectVersion versionOf(StoredVersion read) {
        if (read.version() instanceof ObjectVersion version) {
            return version;
        }
        throw new IllegalArgumentException("the version of " + read.id() + " was not read from S3");
    }
}
