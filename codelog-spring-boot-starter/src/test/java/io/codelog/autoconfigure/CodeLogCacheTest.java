package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.InvalidCodeLogException;
import io.codelog.core.LogType;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Instant;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;

/** findById through a Spring cache, evicted by every write, on the real MongoDB store. */
@ExtendWith(TestServers.class)
class CodeLogCacheTest {

    private static TestStores stores;

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        stores = new TestStores(mongo, s3);
    }

    @Test
    void findByIdIsCachedAndEveryWriteInvalidates() {
        stores.runner()
                .withBean(CacheManager.class, ConcurrentMapCacheManager::new)
                .withPropertyValues("codelog.cache.enabled=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CodeLogRepository repository = context.getBean(CodeLogRepository.class);
                    MongoCodeLogRepository store = context.getBean(MongoCodeLogRepository.class);
                    Cache cache = context.getBean(CacheManager.class).getCache("codelog");
                    String runId = new ObjectId().toHexString();
                    CodeLog created = repository.create(CodeLog.of(runId, runId, LogType.INFO, "v1"));

                    assertThat(repository.findById(created.id())).contains(created);
                    assertThat(cache.get(created.id(), CodeLog.class)).isEqualTo(created);
                    store.delete(created.id());
                    assertThat(repository.findById(created.id()))
                            .as("answered from the cache")
                            .contains(created);

                    store.put(created);
                    repository.update(created.id(), "v2");
                    assertThat(cache.get(created.id())).isNull();
                    assertThat(repository.findById(created.id()).orElseThrow().content())
                            .isEqualTo("v2");

                    repository.put(created);
                    assertThat(cache.get(created.id())).isNull();
                    assertThat(repository.findById(created.id()).orElseThrow().content())
                            .isEqualTo("v1");

                    repository.delete(created.id());
                    assertThat(repository.findById(created.id())).isEmpty();
                    assertThat(cache.get(created.id()))
                            .as("a miss is not cached")
                            .isNull();

                    CodeLog other = repository.create(CodeLog.of(runId, runId, LogType.INFO, "x"));
                    repository.findById(other.id());
                    repository.deleteOlder(Instant.parse("2000-01-01T00:00:00Z"), 10);
                    assertThat(cache.get(other.id()))
                            .as("cleared by deleteOlder")
                            .isNull();

                    assertThatThrownBy(() -> repository.findById("../x")).isInstanceOf(InvalidCodeLogException.class);
                });
    }

    @Test
    void withoutACacheManagerStartUpSaysWhatToAdd() {
        stores.runner()
                .withPropertyValues("codelog.cache.enabled=true")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("FLOWS_CODE_ACTIONS_CACHE_ENABLED")
                        .hasStackTraceContaining("CacheManager"));
    }

    @Test
    void offByDefault() {
        stores.runner()
                .withBean(CacheManager.class, ConcurrentMapCacheManager::new)
                .run(context -> assertThat(context.getBean(CodeLogRepository.class))
                        .isNotInstanceOf(CachingCodeLogRepository.class));
    }
}
