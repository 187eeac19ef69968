package io.codelog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRules;
import io.codelog.core.CodeLogStorageException;
import io.codelog.core.LogType;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A create is all or nothing, on real connections: when either of its two PUTs (the log, its id index pointer)
 * fails for good, the create throws and afterwards no reader sees the log, not findById, not listRunLogs, not
 * count, and the bucket holds neither object, so creating the same id again succeeds. The faults are injected by
 * a proxy on the PUTs of one kind only, as many times as the client tries.
 */
@ExtendWith(TestServers.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class S3CreateAllOrNothingTest {

    private static final ClientBudget BUDGET = ClientBudget.SHORT;
    private static final String RUN = new ObjectId().toHexString();
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";

    private static ProxiedS3 proxied;
    private static S3Connection throughProxy;

    private String prefix;
    private S3CodeLogRepository store;

    @BeforeAll
    static void startProxy(S3TestServer s3) throws IOException {
        proxied = ProxiedS3.start(s3, "codelog-all-or-nothing");
        throughProxy = proxied.connect(BUDGET);
    }

    @AfterAll
    static void stop() throws IOException {
        throughProxy.close();
        proxied.close();
    }

    @BeforeEach
    void newStore() {
        prefix = S3Connection.newPrefix("create");
        store = new S3CodeLogRepository(
                throughProxy.client(),
                S3CodeLogSettings.builder(proxied.bucket())
                        .prefix(prefix)
                        .rules(CodeLogRules.defaults())
                        .build());
    }

    @AfterEach
    void passThroughAndClose() {
        proxied.proxy().passThrough();
        store.close();
    }

    @ParameterizedTest(name = "{0} PUT answered {1} on every attempt")
    @EnumSource(CreatePut.class)
    void aCreateWhosePutFailsLeavesNothingVisible(CreatePut failing) {
        for (FaultProxy.Fault fault :
                List.of(FaultProxy.Fault.SLOW_DOWN_503, FaultProxy.Fault.INTERNAL_ERROR_500, FaultProxy.Fault.RESET)) {
            String id = new ObjectId().toHexString();
            proxied.proxy().inject(fault, failing.requestLine(), BUDGET.maxAttempts());

            assertThatThrownBy(() -> store.create(log(id, "lost")))
                    .as("create with every %s PUT answered %s", failing, fault)
                    .isInstanceOf(CodeLogStorageException.class);

            proxied.proxy().passThrough();
            assertThat(store.findById(id))
                    .as("findById after %s on the %s PUT", fault, failing)
                    .isEmpty();
            assertThat(store.listRunLogs(RUN, null, 100, 1))
                    .as("listRunLogs after %s on the %s PUT", fault, failing)
                    .extracting(CodeLog::id)
                    .doesNotContain(id);
            assertThat(proxied.direct().keys(proxied.bucket(), prefix))
                    .as("objects left in the bucket after %s on the %s PUT", fault, failing)
                    .noneMatch(key -> key.contains(id));

            CodeLog again = store.create(log(id, "again"));
            assertThat(store.findById(id)).as("the id is free again").contains(again);
        }
        assertThat(store.count(RUN, null))
                .as("only the creates that returned count")
                .isEqualTo(3);
    }

    private static CodeLog log(String id, String content) {
        return CodeLog.of(RUN, CODE, LogType.INFO, content).withId(id);
    }
}
