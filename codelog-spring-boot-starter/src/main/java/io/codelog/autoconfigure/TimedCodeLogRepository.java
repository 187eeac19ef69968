package io.codelog.autoconfigure;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogNotFoundException;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.InvalidCodeLogException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Times every call of a repository as {@code codelog.operations}, tagged with the store, the operation and the
 * outcome: success, not_found (an update of a missing log, or a lookup that found nothing), invalid or error.
 */
final class TimedCodeLogRepository implements CodeLogRepository {

    static final String TIMER = "codelog.operations";

    private final CodeLogRepository delegate;
    private final MeterRegistry registry;
    private final String store;

    TimedCodeLogRepository(CodeLogRepository delegate, MeterRegistry registry, String store) {
        this.delegate = delegate;
        this.registry = registry;
        this.store = store;
    }

    @Override
    public CodeLog create(CodeLog log) {
        return time("create", () -> delegate.create(log));
    }

    @Override
    public CodeLog put(CodeLog log) {
        return time("put", () -> delegate.put(log));
    }

    @Override
    public Optional<CodeLog> findById(String id) {
        long start = System.nanoTime();
        Optional<CodeLog> found = time("findById", () -> delegate.findById(id), start, false);
        if (found.isEmpty()) {
            record("findById", "not_found", start);
        } else {
            record("findById", "success", start);
        }
        return found;
    }

    @Override
    public List<CodeLog> listRunLogs(@Nullable String runId, @Nullable String codeId, int limit, int page) {
        return time("listRunLogs", () -> delegate.listRunLogs(runId, codeId, limit, page));
    }

    @Override
    public CodeLog update(String id, String content) {
        return time("update", () -> delegate.update(id, content));
    }

    @Override
    public boolean delete(String id) {
        return time("delete", () -> delegate.delete(id));
    }

    @Override
    public long deleteOlder(Instant cutoff, long limit) {
        return time("deleteOlder", () -> delegate.deleteOlder(cutoff, limit));
    }

    @Override
    public long count(@Nullable String runId, @Nullable String codeId) {
        return time("count", () -> delegate.count(runId, codeId));
    }

    private <T> T time(String operation, Supplier<T> call) {
        return time(operation, call, System.nanoTime(), true);
    }

    private <T> T time(String operation, Supplier<T> call, long start, boolean recordSuccess) {
        try {
            T result = call.get();
            if (recordSuccess) {
                record(operation, "success", start);
            }
            return result;
        } catch (CodeLogNotFoundException e) {
            record(operation, "not_found", start);
            throw e;
        } catch (InvalidCodeLogException e) {
            record(operation, "invalid", start);
            throw e;
        } catch (RuntimeException e) {
            record(operation, "error", start);
            throw e;
        }
    }

    private void record(String operation, String outcome, long start) {
        Timer.builder(TIMER)
                .description("Calls of the code log repository")
                .tag("store", store)
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(registry)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
