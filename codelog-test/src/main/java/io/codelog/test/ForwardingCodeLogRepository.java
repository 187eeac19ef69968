package io.codelog.test;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store that passes every call to another, for tests that change one or two operations of a real store (race
 * a write into a read, count calls, forget a log) and leave the rest as they are.
 */
public abstract class ForwardingCodeLogRepository implements CodeLogRepository {

    private final CodeLogRepository delegate;

    /** Forwards to this store. */
    protected ForwardingCodeLogRepository(CodeLogRepository delegate) {
        this.delegate = delegate;
    }

    /** The store calls are passed to. */
    protected final CodeLogRepository delegate() {
        return delegate;
    }

    @Override
    public CodeLog create(CodeLog log) {
        return delegate.create(log);
    }

    @Override
    public CodeLog put(CodeLog log) {
        return delegate.put(log);
    }

    @Override
    public Optional<CodeLog> findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public List<CodeLog> listRunLogs(String runId, String codeId, int limit, int page) {
        return delegate.listRunLogs(runId, codeId, limit, page);
    }

    @Override
    public CodeLog update(String id, String content) {
        return delegate.update(id, content);
    }

    @Override
    public boolean delete(String id) {
        return delegate.delete(id);
    }

    @Override
    public long deleteOlder(Instant cutoff, long limit) {
        return delegate.deleteOlder(cutoff, limit);
    }

    @Override
    public long count(String runId, String codeId) {
        return delegate.count(runId, codeId);
    }
}
