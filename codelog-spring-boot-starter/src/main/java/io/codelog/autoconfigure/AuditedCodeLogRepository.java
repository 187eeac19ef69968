package io.codelog.autoconfigure;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Writes one structured line per write (create, put, update, delete, deleteOlder) on the logger
 * {@value #LOGGER}, with the key-values operation, store, id, outcome and duration_ms. Never the content, never a
 * credential.
 */
final class AuditedCodeLogRepository implements CodeLogRepository {

    static final String LOGGER = "io.codelog.audit";

    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);

    private final CodeLogRepository delegate;
    private final String store;
    private final Level level;

    AuditedCodeLogRepository(CodeLogRepository delegate, String store, Level level) {
        this.delegate = delegate;
        this.store = store;
        this.level = level;
    }

    /** Whether the audit logger writes lines of this level now. */
    static boolean enabledAt(Level level) {
        return AUDIT.isEnabledForLevel(level);
    }

    @Override
    public CodeLog create(CodeLog log) {
        return audit("create", () -> delegate.create(log), CodeLog::id);
    }

    @Override
    public CodeLog put(CodeLog log) {
        return audit("put", () -> delegate.put(log), CodeLog::id);
    }

    @Override
    public Optional<CodeLog> findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public List<CodeLog> listRunLogs(@Nullable String runId, @Nullable String codeId, int limit, int page) {
        return delegate.listRunLogs(runId, codeId, limit, page);
    }

    @Override
    public CodeLog update(String id, String content) {
        return audit("update", () -> delegate.update(id, content), updated -> id);
    }

    @Override
    public boolean delete(String id) {
        return audit("delete", () -> delegate.delete(id), deleted -> id);
    }

    @Override
    public long deleteOlder(Instant cutoff, long limit) {
        return audit("deleteOlder", () -> delegate.deleteOlder(cutoff, limit), deleted -> null);
    }

    @Override
    public long count(@Nullable String runId, @Nullable String codeId) {
        return delegate.count(runId, codeId);
    }

    private <T> T audit(String operation, Supplier<T> write, Function<T, String> idOf) {
        if (!AUDIT.isEnabledForLevel(level)) {
            return write.get();
        }
        long start = System.nanoTime();
        try {
            T result = write.get();
            line(operation, idOf.apply(result), "success", start);
            return result;
        } catch (RuntimeException e) {
            // The exception's type only: messages of storage failures may quote values.
            line(operation, null, "failed: " + e.getClass().getSimpleName(), start);
            throw e;
        }
    }

    private void line(String operation, @Nullable String id, String outcome, long start) {
        var line = AUDIT.atLevel(level).addKeyValue("operation", operation).addKeyValue("store", store);
        if (id != null) {
            line = line.addKeyValue("id", id);
        }
        line.addKeyValue("outcome", outcome)
                .addKeyValue("duration_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                .log("codelog {}", operation);
    }
}
