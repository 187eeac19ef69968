package io.codelog.migration;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.DualWriteCodeLogRepository;
import io.codelog.core.DualWriteFailure;
import io.codelog.core.DualWriteFailureLog;
import io.codelog.core.LogType;
import io.codelog.mongo.MongoDualWriteFailureLog;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the dual-write repair tests share: both stores on the test servers, the failure log the service recorded
 * its failed copies in, logs of one run and code, and a dual-write service over the stores.
 */
@ExtendWith(TestServers.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
abstract class DualWriteRepairCase {

    static final String RUN = "65f1a2b3c4d5e6f708192a3b";
    static final String CODE = "0b8e9f3a-6c2d-4f1e-9a7b-3c4d5e6f7a8b";

    MigrationFixture fixture;
    MongoDualWriteFailureLog failures;

    @BeforeEach
    void setUpStores(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
        failures = new MongoDualWriteFailureLog(fixture.mongo);
    }

    @AfterEach
    void closeStores() {
        fixture.close();
    }

    /** When the next failure is recorded: now, unless a test keeps its own time. */
    Instant recordedAt() {
        return Instant.now();
    }

    /** Records a copy of the log that failed, as the service would. */
    void record(String logId, String operation) {
        failures.record(new DualWriteFailure(logId, operation, recordedAt(), "CodeLogStorageException: s3 put failed"));
    }

    static CodeLog log(String content) {
        return CodeLog.of(RUN, CODE, LogType.INFO, content);
    }

    static DualWriteCodeLogRepository service(CodeLogRepository primary, CodeLogRepository secondary) {
        return new DualWriteCodeLogRepository(primary, secondary, DualWriteFailureLog.warnOnly(), Clock.systemUTC());
    }
}
