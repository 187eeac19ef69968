package io.codelog.test.memory;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.test.CodeLogRepositoryContract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The contract on a broken store whose findById finds nothing, run only through the launcher by {@link
 * ContractRunsTest}.
 */
class ForgetfulStoreProbe extends CodeLogRepositoryContract {

    @Override
    protected CodeLogRepository newRepository(CodeLogRules rules) {
        return new Forgetful(new InMemoryCodeLogRepository(rules));
    }

    /** Checks the id as the store would, then forgets the log. */
    private record Forgetful(CodeLogRepository store) implements CodeLogRepository {

        @Override
        public Optional<CodeLog> findById(String id) {
            store.findById(id);
            return Optional.empty();
        }

        @Override
        public CodeLog create(CodeLog log) {
            return store.create(log);
        }

        @Override
        public CodeLog put(CodeLog log) {
            return store.put(log);
        }

        @Override
        public List<CodeLog> listRunLogs(String runId, String codeId, int limit, int page) {
            return store.listRunLogs(runId, codeId, limit, page);
        }

        @Override
        public CodeLog update(String id, String content) {
            return store.update(id, content);
        }

        @Override
        public boolean delete(String id) {
            return store.delete(id);
        }

        @Override
        public long deleteOlder(Instant cutoff, long limit) {
            return store.deleteOlder(cutoff, limit);
        }

        @Override
        public long count(String runId, String codeId) {
            return store.count(runId, codeId);
        }
    }
}
