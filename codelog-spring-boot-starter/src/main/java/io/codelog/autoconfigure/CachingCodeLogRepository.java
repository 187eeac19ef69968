package io.codelog.autoconfigure;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogIds;
import io.codelog.core.CodeLogRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;

/**
 * Answers {@code findById} from a Spring {@link Cache} when it can, keyed by log id; a log found in the store is
 * cached, a missing one is not. Update, put and delete evict the log; deleteOlder clears the cache.
 */
final class CachingCodeLogRepository implements CodeLogRepository {

    static final String CACHE_NAME = "codelog";

    private final CodeLogRepository delegate;
    private final Cache cache;

    CachingCodeLogRepository(CodeLogRepository delegate, Cache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    @Override
    public CodeLog create(CodeLog log) {
        return delegate.create(log);
    }

    @Override
    public CodeLog put(CodeLog log) {
        CodeLog stored = delegate.put(log);
        cache.evict(stored.id());
        return stored;
    }

    @Override
    public Optional<CodeLog> findById(String id) {
        // Checked first: the cache may be a remote server, and a hostile id must not reach it either.
        CodeLogIds.requireValid("id", id);
        CodeLog cached = cache.get(id, CodeLog.class);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<CodeLog> found = delegate.findById(id);
        found.ifPresent(log -> cache.put(id, log));
        return found;
    }

    @Override
    public List<CodeLog> listRunLogs(@Nullable String runId, @Nullable String codeId, int limit, int page) {
        return delegate.listRunLogs(runId, codeId, limit, page);
    }

    @Override
    public CodeLog update(String id, String content) {
        try {
            return delegate.update(id, content);
        } finally {
            cache.evict(id);
        }
    }

    @Override
    public boolean delete(String id) {
        try {
            return delegate.delete(id);
        } finally {
            cache.evict(id);
        }
    }

    @Override
    public long deleteOlder(Instant cutoff, long limit) {
        try {
            return delegate.deleteOlder(cutoff, limit);
        } finally {
            cache.clear();
        }
    }

    @Override
    public long count(@Nullable String runId, @Nullable String codeId) {
        return delegate.count(runId, codeId);
    }
}
