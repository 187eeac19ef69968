package io.codelog.mongo;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.test.CodeLogRepositoryContract;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store passes the contract every store shares, each test on a fresh collection. */
@ExtendWith(TestServers.class)
class MongoCodeLogRepositoryContractTest extends CodeLogRepositoryContract {

    private static MongoTestDatabase database;

    @BeforeAll
    static void connect(MongoTestServer server) {
        database = new MongoTestDatabase(server.connectionString());
    }

    @AfterAll
    static void disconnect() {
        database.close();
    }

    @Override
    protected CodeLogRepository newRepository(CodeLogRules rules) {
        return new MongoCodeLogRepository(
                database.template(),
                MongoCodeLogSettings.defaults()
                        .withCollection(database.newCollectionName())
                        .withRules(rules));
    }
}
