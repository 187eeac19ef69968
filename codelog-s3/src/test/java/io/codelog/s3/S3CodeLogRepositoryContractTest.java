package io.codelog.s3;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.test.CodeLogRepositoryContract;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared contract, against the S3 store on one bucket of a real S3-protocol server, a prefix per test. */
@ExtendWith(TestServers.class)
class S3CodeLogRepositoryContractTest extends CodeLogRepositoryContract {

    private static S3Fixture s3;
    private static String bucket;
    private final List<S3CodeLogRepository> opened = new ArrayList<>();

    @BeforeAll
    static void bucket(S3TestServer server) {
        s3 = new S3Fixture(server);
        bucket = s3.newBucket("codelog-contract");
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
                        .build());
        opened.add(repository);
        return repository;
    }

    @AfterEach
    void closeRepositories() {
        opened.forEach(S3CodeLogRepository::close);
    }
}
