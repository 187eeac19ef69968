package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogNotFoundException;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.InvalidCodeLogException;
import io.codelog.core.LogType;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** codelog's meters in a SimpleMeterRegistry, on the real servers. */
@ExtendWith(TestServers.class)
class CodeLogMetricsTest {

    private static TestStores stores;

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        stores = new TestStores(mongo, s3);
    }

    @Test
    void everyCallIsTimedByStoreOperationAndOutcomeAndS3RequestsAreCounted() {
        stores.runner()
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(stores.s3Properties())
                .withPropertyValues("codelog.s3.enabled=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    CodeLogRepository repository = context.getBean(CodeLogRepository.class);
                    String runId = new ObjectId().toHexString();
                    CodeLog created = repository.create(CodeLog.of(runId, runId, LogType.INFO, "hello"));
                    repository.findById(created.id());
                    repository.findById(new ObjectId().toHexString());
                    assertThatThrownBy(() -> repository.update(new ObjectId().toHexString(), "x"))
                            .isInstanceOf(CodeLogNotFoundException.class);
                    assertThatThrownBy(() -> repository.findById("../etc")).isInstanceOf(InvalidCodeLogException.class);

                    assertThat(timer(meters, "s3", "create", "success")).isEqualTo(1);
                    assertThat(timer(meters, "s3", "findById", "success")).isEqualTo(1);
                    assertThat(timer(meters, "s3", "findById", "not_found")).isEqualTo(1);
                    assertThat(timer(meters, "s3", "update", "not_found")).isEqualTo(1);
                    assertThat(timer(meters, "s3", "findById", "invalid")).isEqualTo(1);
                    assertThat(meters.get("codelog.s3.requests")
                                    .tag("type", "PutObject")
                                    .counter()
                                    .count())
                            .isGreaterThanOrEqualTo(1);
                    assertThat(meters.get("codelog.s3.bytes.written").counter().count())
                            .isGreaterThan(0);
                });
    }

    @Test
    void fallbackHitsAndDualWriteFailuresAreCountedByOperation() {
        String runId = new ObjectId().toHexString();
        stores.runner()
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(stores.s3Properties())
                .withPropertyValues(
                        "codelog.mode=dual-write", "codelog.s3.bucket-name=codelog-missing-" + TestStores.uniqueName())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    context.getBean(CodeLogRepository.class).create(CodeLog.of(runId, runId, LogType.INFO, "x"));
                    assertThat(meters.get("codelog.dualwrite.failures")
                                    .tag("operation", "create")
                                    .counter()
                                    .count())
                            .isEqualTo(1);
                    assertThat(timer(meters, "dual-write", "create", "success")).isEqualTo(1);
                });
        stores.runner()
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(stores.s3Properties())
                .withPropertyValues("codelog.mode=fallback")
                .run(context -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    CodeLog inS3 = context.getBean(io.codelog.s3.S3CodeLogRepository.class)
                            .create(CodeLog.of(runId, runId, LogType.INFO, "x"));
                    assertThat(context.getBean(CodeLogRepository.class).findById(inS3.id()))
                            .isPresent();
                    assertThat(meters.get("codelog.fallback.hits")
                                    .tag("operation", "findById")
                                    .counter()
                                    .count())
                            .isEqualTo(1);
                });
    }

    @Test
    void withoutARegistryNothingIsWrapped() {
        stores.runner()
                .run(context -> assertThat(context.getBean(CodeLogRepository.class))
                        .isSameAs(context.getBean(io.codelog.mongo.MongoCodeLogRepository.class)));
    }

    private static long timer(MeterRegistry meters, String store, String operation, String outcome) {
        var timer = meters.find("codelog.operations")
                .tags("store", store, "operation", operation, "outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }
}
