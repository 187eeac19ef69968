package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.DualWriteFailure;
import io.codelog.core.DualWriteFailureLog;
import io.codelog.core.LogType;
import io.codelog.mongo.MongoDualWriteFailureLog;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In mode dual-write, failed copies are recorded in MongoDB by default, and an application's log replaces it. */
@ExtendWith(TestServers.class)
class DualWriteFailureLogAutoConfigurationTest {

    private static final String RUN_ID = "65f2c3a1b4d5e6f708192a3c";

    private static TestStores stores;

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        stores = new TestStores(mongo, s3);
    }

    @Test
    void aCopyThatFailsOnTheServerIsRecordedInMongo() {
        stores.runner()
                .withPropertyValues(stores.s3Properties())
                .withPropertyValues(
                        "codelog.mode=dual-write",
                        "codelog.s3.bucket-name=codelog-missing-" + TestStores.uniqueName(),
                        "codelog.mongo.failure-collection=failed_copies")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CodeLog created = context.getBean(CodeLogRepository.class)
                            .create(CodeLog.of(RUN_ID, RUN_ID, LogType.INFO, "hello"));

                    MongoDualWriteFailureLog failures = context.getBean(MongoDualWriteFailureLog.class);
                    assertThat(failures.oldest(10)).singleElement().satisfies(failure -> {
                        assertThat(failure.logId()).isEqualTo(created.id());
                        assertThat(failure.operation()).isEqualTo("create");
                    });
                    assertThat(context.getBean(CodeLogMongoConnection.class)
                                    .operations()
                                    .collectionExists("failed_copies"))
                            .isTrue();
                });
    }

    @Test
    void anApplicationFailureLogReplacesTheMongoOne() {
        List<DualWriteFailure> recorded = new CopyOnWriteArrayList<>();
        stores.runner()
                .withPropertyValues(stores.s3Properties())
                .withPropertyValues(
                        "codelog.mode=dual-write", "codelog.s3.bucket-name=codelog-missing-" + TestStores.uniqueName())
                .withBean(DualWriteFailureLog.class, () -> recorded::add)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(MongoDualWriteFailureLog.class);
                    context.getBean(CodeLogRepository.class).create(CodeLog.of(RUN_ID, RUN_ID, LogType.INFO, "hello"));
                    assertThat(recorded).extracting(DualWriteFailure::operation).containsExactly("create");
                });
    }

    @Test
    void otherModesHaveNoFailureLog() {
        stores.runner()
                .withPropertyValues(stores.s3Properties())
                .withPropertyValues("codelog.mode=fallback")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MongoDualWriteFailureLog.class));
        stores.runner().run(context -> assertThat(context).doesNotHaveBean(MongoDualWriteFailureLog.class));
    }
}
