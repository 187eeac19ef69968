package io.codelog.it;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3IdIndex;
import io.codelog.test.CodeLogRepositoryContract;
import io.codelog.test.ContractStart;
import io.codelog.test.RunContractFrom;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared contract, unchanged, against the S3 store with its id index in MongoDB ({@code
 * FLOWS_CODE_ACTIONS_S3_ID_INDEX=mongo}): a prefix and an index collection per test.
 */
// The S3 store runs the contract from every start with its pointers; this index adds no date handling.
@RunContractFrom({ContractStart.MIDDAY, ContractStart.LAST_SECOND_OF_YEAR})
@ExtendWith(TestServers.class)
class S3MongoIdIndexContractTest extends CodeLogRepositoryContract {

    private static S3Connection s3;
    private static MongoIndexConnection mongo;
    private static String bucket;
    private final List<S3CodeLogRepository> opened = new ArrayList<>();

    @BeforeAll
    static void servers(S3TestServer s3Server, MongoTestServer mongoServer) {
        s3 = S3Connection.direct(s3Server);
        mongo = new MongoIndexConnection(mongoServer);
        bucket = s3.newBucket("codelog-contract-mongo-index");
    }

    @AfterAll
    static void close() {
        s3.close();
        mongo.close();
    }

    @Override
    protected CodeLogRepository newRepository(CodeLogRules rules) {
        S3CodeLogRepository repository = new S3CodeLogRepository(
                s3.client(),
                S3CodeLogSettings.builder(bucket)
                        .prefix(S3Connection.newPrefix("contract"))
                        .rules(rules)
                        .idIndex(S3IdIndex.external(mongo.newIndex()))
                        .build());
        opened.add(repository);
        return repository;
    }

    @AfterEach
    void closeRepositories() {
        opened.forEach(S3CodeLogRepository::close);
    }
}
