package io.codelog.s3;

import io.codelog.core.CodeLogIdIndex;
import io.codelog.core.CodeLogStorageException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * An external id index in memory that counts its calls by method ({@code insert}, {@code upsert}, {@code find},
 * {@code delete}) and fails every call while {@link #failing} is set, as an unreachable server would.
 */
final class FakeIdIndex implements CodeLogIdIndex {

    final Map<String, Entry> entries = new ConcurrentHashMap<>();
    final AtomicBoolean failing = new AtomicBoolean();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    @Override
    public boolean insert(Entry entry) {
        call("insert");
        return entries.putIfAbsent(entry.id(), entry) == null;
    }

    @Override
    public void upsert(Entry entry) {
        call("upsert");
        entries.put(entry.id(), entry);
    }

    @Override
    public Optional<Entry> find(String id) {
        call("find");
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public void delete(Collection<String> ids) {
        call("delete");
        ids.forEach(entries::remove);
    }

    @Override
    public String whereIs(String id) {
        return "fake index, id " + id;
    }

    /** How many times a method was called since the last reset. */
    long calls(String method) {
        LongAdder count = calls.get(method);
        return count == null ? 0 : count.sum();
    }

    /** Every call counted since the last reset. */
    long totalCalls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    void resetCalls() {
        calls.values().forEach(LongAdder::reset);
    }

    private void call(String method) {
        calls.computeIfAbsent(method, name -> new LongAdder()).increment();
        if (failing.get()) {
            throw new CodeLogStorageException("fake", method, "the index is unreachable", null);
        }
    }
}
