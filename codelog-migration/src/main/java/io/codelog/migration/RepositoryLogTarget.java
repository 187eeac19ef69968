package io.codelog.migration;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogJson;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.MalformedCodeLogException;
import java.util.Objects;
import java.util.Optional;

/**
 * Copies logs into any {@link CodeLogRepository} (the MongoDB store for a rollback) through {@code put}, and
 * checks what it holds with {@code findById}: a log equal in every field is {@link TargetCopy#IDENTICAL}, an
 * unreadable one {@link TargetCopy#DIFFERENT}. Each call is counted as one request of the given kind.
 */
final class RepositoryLogTarget implements LogTarget {

    private final CodeLogRepository repository;
    private final String name;
    private final RequestKind kind;
    private final CodeLogJson json = new CodeLogJson();

    /**
     * @param repository the store logs are written to
     * @param name the store's short name, e.g. {@code mongo}
     * @param kind how its requests are counted, e.g. {@link RequestKind#MONGO}
     */
    RepositoryLogTarget(CodeLogRepository repository, String name, RequestKind kind) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** A target on the MongoDB store, its requests counted as {@link RequestKind#MONGO}. */
    static RepositoryLogTarget mongo(CodeLogRepository repository) {
        return new RepositoryLogTarget(repository, "mongo", RequestKind.MONGO);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TargetChecker checker(RequestGate gate) {
        return log -> check(log, gate);
    }

    private TargetCopy check(CodeLog log, RequestGate gate) {
        Optional<CodeLog> stored;
        try {
            stored = read(log.id(), gate);
        } catch (MalformedCodeLogException e) {
            return TargetCopy.DIFFERENT;
        }
        if (stored.isEmpty()) {
            return TargetCopy.MISSING;
        }
        return stored.get().equals(log) ? TargetCopy.IDENTICAL : TargetCopy.DIFFERENT;
    }

    @Override
    public void write(CodeLog log, RequestGate gate) {
        gate.acquire(kind);
        repository.put(log);
    }

    @Override
    public RequestCounts writeCost() {
        return RequestCounts.of(kind, 1);
    }

    /** The size of the log's JSON form, close to what a document of it takes. */
    @Override
    public long storedBytes(CodeLog log) {
        return json.write(log).length;
    }

    @Override
    public Optional<CodeLog> read(String id, RequestGate gate) {
        gate.acquire(kind);
        return repository.findById(id);
    }
}
