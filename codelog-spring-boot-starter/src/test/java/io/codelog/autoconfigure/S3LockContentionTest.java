package io.codelog.autoconfigure;

import static io.codelog.autoconfigure.S3LockFixture.PREFIX;
import static io.codelog.autoconfigure.S3LockFixture.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.codelog.autoconfigure.S3LockFixture.StoredObject;
import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.core.LogType;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Two instances of a service, each with its own S3 lock provider on one bucket, trying for one lock at the same
 * moment: threads released together by a barrier, never sleeps.
 */
@ExtendWith(TestServers.class)
class S3LockContentionTest {

    private static final String NAME = "codelog-retention";
    private static final Duration LONG = Duration.ofMinutes(10);
    private static final int ROUNDS = 50;
    private static final int THREADS_PER_INSTANCE = 4;
    private static final int CONTENDERS = 2 * THREADS_PER_INSTANCE;

    private static S3TestServer server;
    private static S3LockFixture locks;
    /** Per condition (true: If-Match), why the server is not atomic, or empty when it is: probed once per class. */
    private static final Map<Boolean, Optional<String>> NOT_ATOMIC = new ConcurrentHashMap<>();

    private final ExecutorService threads = Executors.newFixedThreadPool(CONTENDERS);

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        server = s3;
        locks = new S3LockFixture(new TestStores(mongo, s3));
    }

    @AfterAll
    static void closeClient() {
        locks.close();
    }

    @BeforeEach
    void freshBucket() {
        locks.useNewBucket();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void forANewLockEveryRoundHasExactlyOneWinner() throws Exception {
        assumeAtomic(false);
        // A new name each round: every contender creates the object with If-None-Match: *.
        race(round -> NAME + "-" + round);
    }

    @Test
    void forAReleasedLockEveryRoundHasExactlyOneWinner() throws Exception {
        assumeAtomic(true);
        // The same name each round: after the first, contenders read the released object and write with If-Match.
        race(round -> NAME);
    }

    @Test
    void twoInstancesThatReadTheSameReleasedLockCannotBothTakeIt() throws Exception {
        locks.provider().lock(config(NAME, LONG, Duration.ZERO)).orElseThrow().unlock();
        StoredObject released = locks.object(NAME);
        CyclicBarrier bothRead = new CyclicBarrier(2);
        CountDownLatch firstWrote = new CountDownLatch(1);
        try (S3Client firstClient = locks.clientWith(new Interleaving(bothRead, null, firstWrote));
                S3Client secondClient = locks.clientWith(new Interleaving(bothRead, firstWrote, null))) {
            S3LockProvider first = new S3LockProvider(firstClient, locks.bucket(), PREFIX);
            S3LockProvider second = new S3LockProvider(secondClient, locks.bucket(), PREFIX);

            Future<Optional<SimpleLock>> firstTry = threads.submit(() -> first.lock(config(NAME, LONG, Duration.ZERO)));
            Future<Optional<SimpleLock>> secondTry =
                    threads.submit(() -> second.lock(config(NAME, LONG, Duration.ZERO)));

            assertThat(firstTry.get(60, TimeUnit.SECONDS)).isPresent();
            assertThat(secondTry.get(60, TimeUnit.SECONDS))
                    .as("read the same free lock, wrote second with If-Match on the same ETag")
                    .isEmpty();
            assertThat(locks.object(NAME).eTag()).isNotEqualTo(released.eTag());
        }
    }

    @Test
    void twoRetentionCleanersStartedTogetherCleanOnce() throws Exception {
        // Both cleaners create the lock object with If-None-Match: *, at the same moment.
        assumeAtomic(false);
        MutableClock logClock = MutableClock.at("2025-04-01T00:00:00Z");
        String runId = new ObjectId().toHexString();
        try (S3CodeLogRepository store = new S3CodeLogRepository(
                locks.client(),
                S3CodeLogSettings.builder(locks.bucket())
                        .prefix(PREFIX)
                        .rules(CodeLogRules.withClock(logClock))
                        .build())) {
            for (int i = 0; i < 5; i++) {
                logClock.advance(Duration.ofMinutes(1));
                store.create(CodeLog.of(runId, runId, LogType.INFO, "old " + i));
            }
            logClock.set(Instant.parse("2025-06-01T10:00:00Z"));
            CountDownLatch oneReturned = new CountDownLatch(1);
            // The winner keeps the lock until the other cleaner has returned, so that the two truly overlap.
            CodeLogRepository holdsTheLock = new RetentionCleanerTest.CountingRepository(store) {
                @Override
                public long deleteOlder(Instant cutoff, long limit) {
                    try {
                        assertThat(oneReturned.await(30, TimeUnit.SECONDS))
                                .as("the other cleaner returned while this one held the lock")
                                .isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return super.deleteOlder(cutoff, limit);
                }
            };
            List<CodeLogRetentionCleaner> cleaners =
                    List.of(cleaner(holdsTheLock, logClock), cleaner(holdsTheLock, logClock));
            CyclicBarrier start = new CyclicBarrier(cleaners.size());
            List<Future<OptionalLong>> runs = new ArrayList<>();
            for (CodeLogRetentionCleaner cleaner : cleaners) {
                runs.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        return cleaner.clean();
                    } finally {
                        oneReturned.countDown();
                    }
                }));
            }
            List<OptionalLong> results = new ArrayList<>();
            for (Future<OptionalLong> run : runs) {
                results.add(run.get(60, TimeUnit.SECONDS));
            }

            assertThat(results).containsExactlyInAnyOrder(OptionalLong.of(5), OptionalLong.empty());
            assertThat(store.count(runId, null)).isZero();
            assertThat(locks.keys())
                    .contains(S3LockFixture.key(CodeLogRetentionCleaner.LOCK_NAME))
                    .noneMatch(key -> key.startsWith(PREFIX + "/logs/"));
            // The lock is held for lockAtLeastFor after the winner finishes, so an instance whose schedule fires a
            // moment later skips instead of cleaning again.
            CodeLogRetentionCleaner loser = cleaners.get(results.get(0).isPresent() ? 1 : 0);
            assertThat(loser.clean()).isEmpty();
        }
    }

    /** The cleaner's default, codelog.cleaner.lock-at-least-for. */
    private static final Duration LOCK_AT_LEAST_FOR = new CodeLogCleanerProperties().getLockAtLeastFor();

    private static CodeLogRetentionCleaner cleaner(CodeLogRepository repository, MutableClock clock) {
        return new CodeLogRetentionCleaner(
                repository,
                new DefaultLockingTaskExecutor(locks.provider()),
                clock,
                Duration.ofDays(30),
                10,
                Duration.ofMinutes(5),
                LOCK_AT_LEAST_FOR);
    }

    private void race(IntFunction<String> nameOfRound) throws Exception {
        List<S3LockProvider> instances = List.of(locks.provider(), locks.provider());
        for (int round = 0; round < ROUNDS; round++) {
            String name = nameOfRound.apply(round);
            CyclicBarrier start = new CyclicBarrier(CONTENDERS);
            List<Future<Optional<SimpleLock>>> attempts = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                S3LockProvider instance = instances.get(i % instances.size());
                attempts.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return instance.lock(config(name, LONG, Duration.ZERO));
                }));
            }
            List<SimpleLock> winners = new ArrayList<>();
            for (Future<Optional<SimpleLock>> attempt : attempts) {
                attempt.get(60, TimeUnit.SECONDS).ifPresent(winners::add);
            }
            assertThat(winners)
                    .as("winners of round %d of %d contenders", round, CONTENDERS)
                    .hasSize(1);
            winners.get(0).unlock();
        }
    }

    /**
     * Skips a race only on a server shown not to apply conditional PUTs atomically: one that lets two or more of the
     * same simultaneous conditional PUTs succeed, on which no lock can be exclusive. Measured 2026-12-06: S3Mock
     * 4.11.0 does so for both conditions; s3proxy 4.1.0 did for If-Match until the kit's embedded server made its
     * writes atomic (AtomicConditionalBlobStore); Amazon S3 applies both atomically. The probe writes bodies that
     * differ from each other and from the object they replace: an ETag is the MD5 of the body, so a PUT of the
     * same bytes would leave it unchanged and a second If-Match on it would rightly succeed.
     */
    private void assumeAtomic(boolean ifMatch) throws Exception {
        Optional<String> notAtomic = NOT_ATOMIC.get(ifMatch);
        if (notAtomic == null) {
            notAtomic = probe(ifMatch);
            NOT_ATOMIC.put(ifMatch, notAtomic);
        }
        assumeTrue(notAtomic.isEmpty(), notAtomic.orElse(""));
    }

    /** Why the server is not atomic for the condition, or empty when no probe round had two winners. */
    private Optional<String> probe(boolean ifMatch) throws Exception {
        String condition = ifMatch ? "If-Match on one ETag" : "If-None-Match: *";
        for (int round = 0; round < ROUNDS; round++) {
            String key = "probe/" + round;
            String eTag = ifMatch
                    ? locks.client()
                            .putObject(
                                    request -> request.bucket(locks.bucket()).key(key),
                                    RequestBody.fromString("before the race"))
                            .eTag()
                    : null;
            CyclicBarrier start = new CyclicBarrier(CONTENDERS);
            List<Future<Boolean>> writes = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                String body = "contender " + i;
                writes.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return conditionalPut(key, ifMatch ? eTag : null, body);
                }));
            }
            int succeeded = 0;
            for (Future<Boolean> write : writes) {
                succeeded += write.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            if (succeeded > 1) {
                return Optional.of("The S3 server (" + server.kind() + ") let " + succeeded + " of " + CONTENDERS
                        + " simultaneous PUTs with " + condition + " succeed in probe round " + round
                        + ": its conditional writes are not atomic, so no lock on it is exclusive under contention.");
            }
        }
        return Optional.empty();
    }

    /** Whether the PUT with If-Match on the ETag (or If-None-Match: * without one) succeeded. */
    private static boolean conditionalPut(String key, String eTag, String body) {
        try {
            locks.client()
                    .putObject(
                            request -> {
                                request.bucket(locks.bucket()).key(key);
                                if (eTag != null) {
                                    request.ifMatch(eTag);
                                } else {
                                    request.ifNoneMatch("*");
                                }
                            },
                            RequestBody.fromString(body));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Holds a provider's If-Match PUT until both providers have read the lock object, and the second's until the
     * first's has been answered, so that both write on the same ETag one after the other.
     */
    private static final class Interleaving implements ExecutionInterceptor {

        private final CyclicBarrier bothRead;
        private final CountDownLatch waitFor;
        private final CountDownLatch signal;

        Interleaving(CyclicBarrier bothRead, CountDownLatch waitFor, CountDownLatch signal) {
            this.bothRead = bothRead;
            this.waitFor = waitFor;
            this.signal = signal;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (!isIfMatchPut(context.request())) {
                return;
            }
            try {
                bothRead.await(30, TimeUnit.SECONDS);
                if (waitFor != null && !waitFor.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the first provider's write was not answered in 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the other provider did not read the lock in 30 s", e);
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            answered(context.request());
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            answered(context.request());
        }

        private void answered(SdkRequest request) {
            if (signal != null && isIfMatchPut(request)) {
                signal.countDown();
            }
        }

        private static boolean isIfMatchPut(SdkRequest request) {
            return request instanceof PutObjectRequest put && put.ifMatch() != null;
        }
    }
}
