package io.codelog.s3;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.test.CodeLogRepositoryContract;
import io.codelog.test.ContractStart;
import io.codelog.test.RunContractFrom;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared contract, against the S3 store with an external id index (in memory here; codelog-it runs it with the
 * MongoDB one): a prefix and an index per test.
 */
// The S3 store runs the contract from every start with its pointers; this index adds no date handling.
@RunContractFrom({ContractStart.MIDDAY, ContractStart.LAST_SECOND_OF_YEAR})
@ExtendWith(TestServers.class)
class S3ExternalIdIndexContractTest extends CodeLogRepositoryContract {

    private static S3Fixture s3;
    private static String bucket;
    private final List<S3CodeLogRepository> opened = new ArrayList<>();

    @BeforeAll
    static void bucket(S3TestServer server) {
        s3 = new S3Fixture(server);
        bucket = s3.newBucket("codelog-contract-external");
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @Override
    protected CodeLogRepository newRepository(CodeLogRules rules) {
        S3CodeLogRepository repository = new S3CodeLogRepository(
                s3.client,
                S3CodeLogSettings.builder(bucket)
                        .prefix(S3Fixture.newPrefix("contract"))
                        .rules(rules)
                        .idIndex(S3IdIndex.external(new FakeIdIndex()))
                        .build());
        opened.add(repository);
        return repository;
    }

    @AfterEach
    void closeRepositories() {
        opened.forEach(S3CodeLogRepository::close);
    }
}
