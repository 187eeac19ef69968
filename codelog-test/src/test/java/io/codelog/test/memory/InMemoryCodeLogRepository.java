package io.codelog.test.memory;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogAlreadyExistsException;
import io.codelog.core.CodeLogIds;
import io.codelog.core.CodeLogNotFoundException;
import io.codelog.core.CodeLogOrder;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.core.PageRequest;
import io.codelog.core.RunFilter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test double of the contract itself, not of any server: the smallest store that follows every rule, so
 * that {@link io.codelog.test.CodeLogRepositoryContract} can be run and shown to be self-consistent.
 */
final class InMemoryCodeLogRepository implements CodeLogRepository {

    private final CodeLogRules rules;
    private final Map<String, CodeLog> logs = new HashMap<>();

    InMemoryCodeLogRepository(CodeLogRules rules) {
        this.rules = rules;
    }

    @Override
    public CodeLog create(CodeLog log) {
        CodeLog prepared = rules.prepareCreate(log);
        synchronized (logs) {
            if (logs.putIfAbsent(prepared.id(), prepared) != null) {
                throw new CodeLogAlreadyExistsException(prepared.id());
            }
        }
        return prepared;
    }

    @Override
    public CodeLog put(CodeLog log) {
        CodeLog prepared = CodeLogRules.preparePut(log);
        synchronized (logs) {
            logs.put(prepared.id(), prepared);
        }
        return prepared;
    }

    @Override
    public Optional<CodeLog> findById(String id) {
        String key = CodeLogIds.requireValid("id", id);
        synchronized (logs) {
            return Optional.ofNullable(logs.get(key));
        }
    }

    @Override
    public List<CodeLog> listRunLogs(String runId, String codeId, int limit, int page) {
        RunFilter filter = new RunFilter(runId, codeId);
        PageRequest request = new PageRequest(limit, page);
        synchronized (logs) {
            return logs.values().stream()
                    .filter(filter::matches)
                    .sorted(CodeLogOrder.OLDEST_FIRST)
                    .skip(request.offset())
                    .limit(request.limit())
                    .toList();
        }
    }

    @Override
    public CodeLog update(String id, String content) {
        String key = CodeLogIds.requireValid("id", id);
        String newContent = rules.prepareContent(content);
        synchronized (logs) {
            CodeLog existing = logs.get(key);
            if (existing == null) {
                throw new CodeLogNotFoundException(key);
            }
            CodeLog updated = existing.withContent(newContent, rules.updateTime(existing.createdAt()));
            logs.put(key, updated);
            return updated;
        }
    }

    @Override
    public boolean delete(String id) {
        String key = CodeLogIds.requireValid("id", id);
        synchronized (logs) {
            return logs.remove(key) != null;
        }
    }

    @Override
    public long deleteOlder(Instant cutoff, long limit) {
        CodeLogRules.checkDeleteOlder(cutoff, limit);
        synchronized (logs) {
            List<String> doomed = logs.values().stream()
                    .filter(log -> log.createdAt().isBefore(cutoff))
                    .sorted(CodeLogOrder.OLDEST_FIRST)
                    .limit(limit)
                    .map(CodeLog::id)
                    .toList();
            doomed.forEach(logs::remove);
            return doomed.size();
        }
    }

    @Override
    public long count(String runId, String codeId) {
        RunFilter filter = new RunFilter(runId, codeId);
        synchronized (logs) {
            return logs.values().stream().filter(filter::matches).count();
        }
    }
}
