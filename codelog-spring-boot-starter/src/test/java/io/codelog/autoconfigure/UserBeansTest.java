package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.core.ContentPolicy;
import io.codelog.core.ContentRules;
import io.codelog.core.DualWriteFailure;
import io.codelog.core.DualWriteFailureLog;
import io.codelog.core.FallbackCodeLogRepository.FallbackListener;
import io.codelog.core.IdGenerator;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3RequestCounter;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.mongodb.core.MongoTemplate;
import software.amazon.awssdk.services.s3.S3Client;

/** Beans the application defines itself win over codelog's, and codelog uses them. */
@ExtendWith(TestServers.class)
class UserBeansTest {

    private static TestStores stores;
    private static MongoTestServer mongoServer;

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        stores = new TestStores(mongo, s3);
        mongoServer = mongo;
    }

    @Test
    void theApplicationsRepositoryWinsAndNoStoreIsBuilt() {
        try (MongoClient client = MongoClients.create(mongoServer.connectionString())) {
            CodeLogRepository own = new MongoCodeLogRepository(
                    new MongoTemplate(client, TestStores.uniqueName()), MongoCodeLogSettings.defaults());
            stores.runner()
                    .withPropertyValues(stores.s3Properties())
                    .withPropertyValues("codelog.mode=fallback")
                    .withBean("ownRepository", CodeLogRepository.class, () -> own)
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(CodeLogRepository.class)).isSameAs(own);
                        assertThat(context.getBeansOfType(CodeLogRepository.class))
                                .containsOnlyKeys("ownRepository");
                        assertThat(context).doesNotHaveBean(S3Client.class);
                    });
        }
    }

    @Test
    void theApplicationsMongoTemplateHoldsTheLogs() {
        String database = TestStores.uniqueName();
        try (MongoClient client = MongoClients.create(mongoServer.connectionString())) {
            MongoTemplate own = new MongoTemplate(client, database);
            stores.runner().withBean(MongoTemplate.class, () -> own).run(context -> {
                context.getBean(CodeLogRepository.class).create(StoreSelectionAutoConfigurationTest.newLog());
                assertThat(own.getCollection("codelog").countDocuments()).isEqualTo(1);
            });
        }
    }

    @Test
    void theApplicationsMongoStoreIsTheRepositoryInModeSingle() {
        try (MongoClient client = MongoClients.create(mongoServer.connectionString())) {
            MongoCodeLogRepository own = new MongoCodeLogRepository(
                    new MongoTemplate(client, TestStores.uniqueName()),
                    MongoCodeLogSettings.defaults().withCollection("own"));
            stores.runner()
                    .withBean("ownStore", MongoCodeLogRepository.class, () -> own)
                    .run(context -> {
                        assertThat(context.getBean(CodeLogRepository.class)).isSameAs(own);
                        assertThat(context)
                                .as("codelog builds no MongoDB store of its own")
                                .doesNotHaveBean("mongoCodeLogRepository");
                    });
        }
    }

    @Test
    void theApplicationsS3ClientCarriesTheRequests() {
        S3RequestCounter counter = new S3RequestCounter();
        S3Client own = stores.clientBuilder()
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter))
                .build();
        stores.runner()
                .withBean(S3Client.class, () -> own)
                .withPropertyValues("codelog.s3.enabled=true", "codelog.s3.bucket-name=" + stores.createBucket())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(S3Client.class)).isSameAs(own);
                    assertThat(context.getBean(CodeLogS3Connection.class).client())
                            .isSameAs(own);
                    context.getBean(CodeLogRepository.class).create(StoreSelectionAutoConfigurationTest.newLog());
                    assertThat(counter.count("PutObject")).isGreaterThanOrEqualTo(1);
                });
    }

    @Test
    void theApplicationsRulesApplyToEveryWrite() {
        CodeLogRules rules = new CodeLogRules(
                new ContentRules(3, ContentPolicy.TRUNCATE), Clock.systemUTC(), IdGenerator.objectIds());
        stores.runner().withBean(CodeLogRules.class, () -> rules).run(context -> {
            CodeLog stored =
                    context.getBean(CodeLogRepository.class).create(StoreSelectionAutoConfigurationTest.newLog());
            assertThat(stored.content()).isEqualTo("hel");
        });
    }

    @Test
    void aFailedCopyOfDualWriteGoesToTheApplicationsFailureLog() {
        List<DualWriteFailure> failures = new CopyOnWriteArrayList<>();
        stores.runner()
                .withPropertyValues(stores.s3Properties())
                .withPropertyValues("codelog.mode=dual-write", "codelog.s3.bucket-name=codelog-no-such-bucket")
                .withBean(DualWriteFailureLog.class, () -> failures::add)
                .run(context -> {
                    CodeLog stored = context.getBean(CodeLogRepository.class)
                            .create(StoreSelectionAutoConfigurationTest.newLog());
                    assertThat(failures).singleElement().satisfies(failure -> {
                        assertThat(failure.logId()).isEqualTo(stored.id());
                        assertThat(failure.operation()).isEqualTo("create");
                    });
                });
    }

    @Test
    void everyFallbackListenerHearsOfReadsAnsweredByTheOtherStore() {
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        stores.runner()
                .withPropertyValues(stores.s3Properties())
                .withPropertyValues("codelog.mode=fallback")
                .withBean("firstListener", FallbackListener.class, () -> first::add)
                .withBean("secondListener", FallbackListener.class, () -> second::add)
                .run(context -> {
                    CodeLog inS3 = context.getBean(S3CodeLogRepository.class)
                            .create(StoreSelectionAutoConfigurationTest.newLog());
                    assertThat(context.getBean(CodeLogRepository.class).findById(inS3.id()))
                            .isPresent();
                    assertThat(first).containsExactly("findById");
                    assertThat(second).containsExactly("findById");
                });
    }
}
