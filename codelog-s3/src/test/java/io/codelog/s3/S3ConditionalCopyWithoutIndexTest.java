package io.codelog.s3;

import io.codelog.core.CodeLogRules;
import io.codelog.test.ConditionalCopyTargetContract;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared conditional-copy contract against the S3 store without an id index: every read is a search. */
@ExtendWith(TestServers.class)
class S3ConditionalCopyWithoutIndexTest extends ConditionalCopyTargetContract<S3CodeLogRepository> {

    private static S3Fixture s3;
    private static String bucket;
    private final List<S3CodeLogRepository> opened = new ArrayList<>();

    @BeforeAll
    static void bucket(S3TestServer server) {
        s3 = new S3Fixture(server);
        bucket = s3.newBucket("codelog-conditional-none");
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @AfterEach
    void closeStores() {
        opened.forEach(S3CodeLogRepository::close);
    }

    @Override
    protected S3CodeLogRepository newStore(CodeLogRules rules) {
        S3CodeLogRepository store = new S3CodeLogRepository(
                s3.client,
                S3CodeLogSettings.builder(bucket)
                        .prefix(S3Fixture.newPrefix("conditional"))
                        .rules(rules)
                        .idIndex(S3IdIndex.none())
                        .build());
        opened.add(store);
        return store;
    }
}
