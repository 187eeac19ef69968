package io.codelog.test.memory;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.test.CodeLogRepositoryContract;
import io.codelog.test.ForwardingCodeLogRepository;
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
    private static final class Forgetful extends ForwardingCodeLogRepository {

        Forgetful(CodeLogRepository store) {
            super(store);
        }

        @Override
        public Optional<CodeLog> findById(String id) {
            delegate().findById(id);
            return Optional.empty();
        }
    }
}
