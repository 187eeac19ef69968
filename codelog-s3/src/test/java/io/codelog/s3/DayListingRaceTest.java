package io.codelog.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRules;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import io.codelog.testservers.TestS3Clients;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * A log this store creates while a lookup is listing the log's day is found at once, though that listing, answered
 * before the log landed, is kept to answer lookups: the history check found such a log missing for the cache's time
 * to live (S3 store without an id index, seed -4294495886688546962).
 */
@ExtendWith(TestServers.class)
class DayListingRaceTest {

    private static final String RUN = IdGenerator.objectIds().newId(Instant.parse("2025-03-14T09:00:00Z"));
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    private static final String DAY = "/logs/2025/03/14/";

    private final AtomicBoolean holdNextDayListing = new AtomicBoolean(true);
    private final CountDownLatch dayListed = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private S3Client client;
    private S3CodeLogRepository store;

    @BeforeEach
    void newStore(S3TestServer server) {
        ExecutionInterceptor holdDayListing = new ExecutionInterceptor() {
            @Override
            public void beforeUnmarshalling(Context.BeforeUnmarshalling context, ExecutionAttributes attributes) {
                if (context.request() instanceof ListObjectsV2Request list
                        && list.prefix().endsWith(DAY)
                        && holdNextDayListing.compareAndSet(true, false)) {
                    dayListed.countDown();
                    await(release);
                }
            }
        };
        client = TestS3Clients.builder(server)
                .overrideConfiguration(config -> config.addExecutionInterceptor(holdDayListing))
                .build();
        String bucket = new S3Fixture(server).newBucket("codelog-day-race");
        store = new S3CodeLogRepository(
                client,
                S3CodeLogSettings.builder(bucket)
                        .prefix(S3Fixture.newPrefix("race"))
                        .rules(CodeLogRules.withClock(MutableClock.at(NOW)))
                        .idIndex(false)
                        .lookupCacheTtl(Duration.ofSeconds(30))
                        .build());
    }

    @AfterEach
    void close() {
        release.countDown();
        store.close();
        client.close();
    }

    @Test
    void aLogCreatedWhileALookupListsItsDayIsFoundAtOnce() throws Exception {
        ExecutorService lookup = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<CodeLog>> unknown =
                    lookup.submit(() -> store.findById(IdGenerator.objectIds().newId(NOW)));
            assertThat(dayListed.await(30, TimeUnit.SECONDS))
                    .as("the lookup's LIST of the day was answered")
                    .isTrue();

            CodeLog created = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "created while its day was listed"));
            release.countDown();

            assertThat(unknown.get(30, TimeUnit.SECONDS)).isEmpty();
            assertThat(store.findById(created.id())).contains(created);
        } finally {
            lookup.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the held listing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
