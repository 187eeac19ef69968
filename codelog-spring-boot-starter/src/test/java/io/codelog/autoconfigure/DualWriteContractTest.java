package io.codelog.autoconfigure;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.core.DualWriteCodeLogRepository;
import io.codelog.core.DualWriteFailureLog;
import io.codelog.test.CodeLogRepositoryContract;
import io.codelog.test.ContractStart;
import io.codelog.test.RunContractFrom;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dual-write composite passes the contract every store shares, with either store as the primary. */
// Two stores per test make a run of the suite minutes long; the stores alone run from every start.
@RunContractFrom({ContractStart.MIDDAY, ContractStart.LAST_SECOND_OF_YEAR})
@ExtendWith(TestServers.class)
class DualWriteContractTest {

    private static TwoStores stores;

    @BeforeAll
    static void open(MongoTestServer mongo, S3TestServer s3) {
        stores = new TwoStores(mongo, s3);
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    @AfterEach
    void closeStores() {
        stores.closeStores();
    }

    @Nested
    class PrimaryS3SecondaryMongo extends CodeLogRepositoryContract {
        @Override
        protected CodeLogRepository newRepository(CodeLogRules rules) {
            return new DualWriteCodeLogRepository(
                    stores.newS3(rules), stores.newMongo(rules), DualWriteFailureLog.warnOnly(), rules.clock());
        }
    }

    @Nested
    class PrimaryMongoSecondaryS3 extends CodeLogRepositoryContract {
        @Override
        protected CodeLogRepository newRepository(CodeLogRules rules) {
            return new DualWriteCodeLogRepository(
                    stores.newMongo(rules), stores.newS3(rules), DualWriteFailureLog.warnOnly(), rules.clock());
        }
    }
}
