package io.codelog.s3;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.test.CodeLogRepositoryContract;
import io.codelog.test.ContractStart;
import io.codelog.test.RunContractFrom;
import io.codelog.test.S3Mock;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared contract, unchanged, against the S3 store on Adobe S3Mock: a second S3 implementation, independent
 * of s3proxy, that must agree with it. A bucket per repository rather than a prefix: S3Mock's listings slow down
 * with every object of the bucket, whatever the prefix.
 */
// S3Mock takes tens of milliseconds per request; s3proxy runs the store from every start.
@RunContractFrom(ContractStart.LAST_SECOND_OF_YEAR)
@ExtendWith(TestServers.class)
class S3CodeLogRepositoryOnS3MockContractTest extends CodeLogRepositoryContract {

    private static S3Fixture s3;
    private final List<S3CodeLogRepository> opened = new ArrayList<>();

    @BeforeAll
    static void connect(@S3Mock S3TestServer server) {
        s3 = new S3Fixture(server);
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    /** S3Mock 4.11.0 lets two conditional PUTs of one key both win (see TESTING.md); s3proxy here does not. */
    @Override
    protected boolean serverWritesConditionallyAtomically() {
        return false;
    }

    @Override
    protected CodeLogRepository newRepository(CodeLogRules rules) {
        S3CodeLogRepository repository = new S3CodeLogRepository(
                s3.client,
                S3CodeLogSettings.builder(s3.newBucket("codelog-contract"))
                        .prefix(S3Fixture.newPrefix("contract"))
                        .rules(rules)
                        .build());
        opened.add(repository);
        return repository;
    }

    @AfterEach
    void closeRepositories() {
        opened.forEach(S3CodeLogRepository::close);
    }
}
