package io.codelog.s3;

import io.codelog.core.CodeLog;
import io.codelog.core.MalformedCodeLogException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The id index as pointer objects in the logs' bucket, one per log at {@code {prefix}/index/{id}.json}: 1 PUT to
 * claim (with {@code If-None-Match: *}, so two creates of one id cannot both claim it), 1 GET to find, and the
 * pointer's key deleted in the same DeleteObjects as its log.
 */
final class PointerIdIndex implements IdIndex {

    private final S3Calls calls;
    private final ParsedObjectReader reader;
    private final S3KeyLayout layout;
    private final UnreadableObjectListener onUnreadable;

    PointerIdIndex(
            S3Calls calls, ParsedObjectReader reader, S3KeyLayout layout, UnreadableObjectListener onUnreadable) {
        this.calls = calls;
        this.reader = reader;
        this.layout = layout;
        this.onUnreadable = onUnreadable;
    }

    @Override
    public boolean records() {
        return true;
    }

    @Override
    public Claim claim(String operation, String key, CodeLog log) {
        S3Calls.ConditionalPut put =
                calls.putIfAbsent(operation, layout.indexKey(log.id()), IdIndexJson.write(key, log), null, Map.of());
        return put.written() == S3Calls.Written.WRITTEN ? Claim.CLAIMED : Claim.TAKEN;
    }

    @Override
    public void remove(String operation, String id) {
        calls.delete(operation, List.of(layout.indexKey(id)));
    }

    @Override
    public void record(String operation, String key, CodeLog log) {
        calls.put(operation, layout.indexKey(log.id()), IdIndexJson.write(key, log), null, Map.of());
    }

    @Override
    public Optional<IdIndexEntry> find(String operation, String id) {
        String indexKey = layout.indexKey(id);
        try {
            return reader.read(operation, indexKey, PointerIdIndex::entry).map(ParsedObjectReader.Parsed::value);
        } catch (MalformedCodeLogException unreadable) {
            onUnreadable.onUnreadable(indexKey, unreadable.reason());
            return Optional.empty();
        }
    }

    private static IdIndexEntry entry(S3Calls.StoredObject pointer) {
        return IdIndexJson.read(pointer.bytes())
                .orElseThrow(() -> new MalformedCodeLogException(LogLocator.BAD_POINTER));
    }

    @Override
    public String whereIs(String id) {
        return layout.indexKey(id);
    }

    @Override
    public List<String> keysDeletedWith(String id) {
        return List.of(layout.indexKey(id));
    }

    @Override
    public void forget(String operation, Collection<String> ids) {}
}
