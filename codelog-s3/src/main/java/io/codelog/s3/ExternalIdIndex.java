package io.codelog.s3;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogIdIndex;
import io.codelog.core.MalformedCodeLogException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The id index as entries of a {@link CodeLogIdIndex} kept outside the bucket (e.g. a MongoDB collection): 1 insert
 * to claim (refused when the id has an entry), 1 lookup to find, and 1 delete per call that deleted logs, after
 * their DeleteObjects. Nothing is deleted in the bucket with a log.
 */
final class ExternalIdIndex implements IdIndex {

    private final CodeLogIdIndex index;
    private final UnreadableObjectListener onUnreadable;

    ExternalIdIndex(CodeLogIdIndex index, UnreadableObjectListener onUnreadable) {
        this.index = index;
        this.onUnreadable = onUnreadable;
    }

    @Override
    public boolean records() {
        return true;
    }

    @Override
    public Claim claim(String operation, String key, CodeLog log) {
        return index.insert(entry(key, log)) ? Claim.CLAIMED : Claim.TAKEN;
    }

    @Override
    public void remove(String operation, String id) {
        index.delete(List.of(id));
    }

    @Override
    public void record(String operation, String key, CodeLog log) {
        index.upsert(entry(key, log));
    }

    @Override
    public Optional<IdIndexEntry> find(String operation, String id) {
        try {
            return index.find(id).map(entry -> new IdIndexEntry(entry.location(), null, null, null, entry.createdAt()));
        } catch (MalformedCodeLogException unreadable) {
            onUnreadable.onUnreadable(index.whereIs(id), unreadable.reason());
            return Optional.empty();
        }
    }

    @Override
    public String whereIs(String id) {
        return index.whereIs(id);
    }

    @Override
    public List<String> keysDeletedWith(String id) {
        return List.of();
    }

    @Override
    public void forget(String operation, Collection<String> ids) {
        if (!ids.isEmpty()) {
            index.delete(ids);
        }
    }

    private static CodeLogIdIndex.Entry entry(String key, CodeLog log) {
        return new CodeLogIdIndex.Entry(log.id(), key, log.createdAt());
    }
}
