package io.codelog.core;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dual write (the seed's option 2): every write goes to the primary store and then, with the same id and
 * timestamps, to the secondary; reads come from the primary only. A failure of the secondary never fails the
 * caller's write: it is logged with the log id and recorded in a {@link DualWriteFailureLog} so that the
 * migration's verify and repair can fix it. A failure of the primary fails the call and skips the secondary.
 */
public final class DualWriteCodeLogRepository implements CodeLogRepository {

    private static final Logger LOG = LoggerFactory.getLogger(DualWriteCodeLogRepository.class);

    private final CodeLogRepository primary;
    private final CodeLogRepository secondary;
    private final DualWriteFailureLog failures;
    private final Clock clock;

    /**
     * @param primary the store that answers reads and whose writes must succeed
     * @param secondary the store that receives a copy of every write
     * @param failures where failed copies are recorded
     * @param clock the time recorded with a failure
     */
    public DualWriteCodeLogRepository(
            CodeLogRepository primary, CodeLogRepository secondary, DualWriteFailureLog failures, Clock clock) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.secondary = Objects.requireNonNull(secondary, "secondary");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CodeLog create(CodeLog log) {
        CodeLog stored = primary.create(log);
        copy("create", stored.id(), () -> secondary.put(stored));
        return stored;
    }

    @Override
    public CodeLog put(CodeLog log) {
        CodeLog stored = primary.put(log);
        copy("put", stored.id(), () -> secondary.put(stored));
        return stored;
    }

    @Override
    public Optional<CodeLog> findById(String id) {
        return primary.findById(id);
    }

    @Override
    public List<CodeLog> listRunLogs(@Nullable String runId, @Nullable String codeId, int limit, int page) {
        return primary.listRunLogs(runId, codeId, limit, page);
    }

    /** Updates the primary, then writes the updated log whole to the secondary, so a missing copy is repaired. */
    @Override
    public CodeLog update(String id, String content) {
        CodeLog updated = primary.update(id, content);
        copy("update", updated.id(), () -> secondary.put(updated));
        return updated;
    }

    @Override
    public boolean delete(String id) {
        boolean deleted = primary.delete(id);
        copy("delete", CodeLogIds.requireValid("id", id), () -> secondary.delete(id));
        return deleted;
    }

    @Override
    public long deleteOlder(Instant cutoff, long limit) {
        long deleted = primary.deleteOlder(cutoff, limit);
        copy("deleteOlder", null, () -> secondary.deleteOlder(cutoff, limit));
        return deleted;
    }

    @Override
    public long count(@Nullable String runId, @Nullable String codeId) {
        return primary.count(runId, codeId);
    }

    private void copy(String operation, @Nullable String logId, Supplier<?> write) {
        try {
            write.get();
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("Secondary store {} failed for log {}; recorded for repair", operation, logId);
            try {
                failures.record(new DualWriteFailure(logId, operation, clock.instant(), reason));
            } catch (RuntimeException recordFailure) {
                LOG.error("Could not record the dual-write failure of log {} ({})", logId, operation, recordFailure);
            }
        }
    }
}
