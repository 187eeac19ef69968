package io.codelog.test.memory;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.test.CodeLogRepositoryContract;
import org.junit.jupiter.api.DisplayName;

/** Runs the contract, from another package as a store's test would, against the in-memory double. */
@DisplayName("The contract against an in-memory store")
class InMemoryCodeLogRepositoryContractTest extends CodeLogRepositoryContract {

    @Override
    protected CodeLogRepository newRepository(CodeLogRules rules) {
        return new InMemoryCodeLogRepository(rules);
    }
}
