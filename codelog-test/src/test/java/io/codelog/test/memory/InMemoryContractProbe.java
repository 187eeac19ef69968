package io.codelog.test.memory;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.test.CodeLogRepositoryContract;

/** The contract on the in-memory store, run only through the launcher by {@link ContractRunsTest}. */
class InMemoryContractProbe extends CodeLogRepositoryContract {

    @Override
    protected CodeLogRepository newRepository(CodeLogRules rules) {
        return new InMemoryCodeLogRepository(rules);
    }
}
