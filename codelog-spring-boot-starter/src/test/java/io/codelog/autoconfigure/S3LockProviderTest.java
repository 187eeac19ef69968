package io.codelog.autoconfigure;

import static io.codelog.autoconfigure.S3LockFixture.PREFIX;
import static io.codelog.autoconfigure.S3LockFixture.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.autoconfigure.S3LockFixture.StoredObject;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.support.LockException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ShedLock provider on S3 conditional writes, on the real S3-protocol server of the build: one or two instances
 * taking turns, with ShedLock's clock set by the test. Simultaneous attempts are in {@link S3LockContentionTest}.
 */
@ExtendWith(TestServers.class)
class S3LockProviderTest {

    private static final String NAME = "codelog-retention";
    private static final Duration LONG = Duration.ofMinutes(10);

    private static S3TestServer server;
    private static S3LockFixture locks;

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
    void systemClock() {
        ClockProvider.setClock(Clock.systemUTC());
    }

    @Nested
    class Exclusion {

        @Test
        void anotherInstanceCannotTakeAHeldLockUntilItIsReleased() {
            S3LockProvider first = locks.provider();
            S3LockProvider second = locks.provider();

            Optional<SimpleLock> held = first.lock(config(NAME, LONG, Duration.ZERO));
            assertThat(held).isPresent();
            assertThat(second.lock(config(NAME, LONG, Duration.ZERO))).isEmpty();
            assertThat(first.lock(config(NAME, LONG, Duration.ZERO)))
                    .as("not even the holder takes it twice")
                    .isEmpty();

            held.get().unlock();

            Optional<SimpleLock> next = second.lock(config(NAME, LONG, Duration.ZERO));
            assertThat(next).isPresent();
            assertThat(first.lock(config(NAME, LONG, Duration.ZERO))).isEmpty();
            next.get().unlock();
        }

        @Test
        void locksOfDifferentNamesAreIndependent() {
            S3LockProvider provider = locks.provider();

            Optional<SimpleLock> one = provider.lock(config("one", LONG, Duration.ZERO));
            Optional<SimpleLock> two = provider.lock(config("two", LONG, Duration.ZERO));

            assertThat(one).isPresent();
            assertThat(two).isPresent();
            assertThat(locks.provider().lock(config("one", LONG, Duration.ZERO)))
                    .isEmpty();
        }
    }

    @Nested
    class Expiry {

        private final MutableClock clock = MutableClock.at("2025-06-01T10:00:00Z");

        @BeforeEach
        void shedLockClock() {
            ClockProvider.setClock(clock);
        }

        @Test
        void anExpiredLockIsTakenByAnotherInstance() {
            S3LockProvider old = locks.provider();
            assertThat(old.lock(config(NAME, Duration.ofMinutes(1), Duration.ZERO)))
                    .isPresent();
            assertThat(locks.provider().lock(config(NAME, LONG, Duration.ZERO))).isEmpty();

            clock.advance(Duration.ofMinutes(1));

            assertThat(locks.provider().lock(config(NAME, LONG, Duration.ZERO))).isPresent();
            assertThat(locks.record(NAME).lockUntil()).isEqualTo(clock.instant().plus(LONG));
            assertThat(old.lock(config(NAME, LONG, Duration.ZERO))).isEmpty();
        }

        @Test
        void theOldHolderCannotReleaseTheLockAnotherInstanceTook() {
            SimpleLock old = locks.provider()
                    .lock(config(NAME, Duration.ofMinutes(1), Duration.ZERO))
                    .orElseThrow();
            clock.advance(Duration.ofMinutes(2));
            S3LockProvider next = locks.provider();
            assertThat(next.lock(config(NAME, LONG, Duration.ZERO))).isPresent();
            StoredObject taken = locks.object(NAME);

            old.unlock();

            assertThat(locks.object(NAME)).isEqualTo(taken);
            assertThat(locks.provider().lock(config(NAME, LONG, Duration.ZERO)))
                    .as("the new holder still holds it")
                    .isEmpty();
        }

        @Test
        void theOldHolderCannotExtendTheLockAnotherInstanceTookOnAClockAhead() {
            SimpleLock old = locks.provider()
                    .lock(config(NAME, Duration.ofMinutes(1), Duration.ZERO))
                    .orElseThrow();
            // The other instance's clock runs two minutes ahead: for it the lock has expired, for the holder not yet.
            clock.advance(Duration.ofMinutes(2));
            assertThat(locks.provider().lock(config(NAME, LONG, Duration.ZERO))).isPresent();
            StoredObject taken = locks.object(NAME);
            clock.set(Instant.parse("2025-06-01T10:00:30Z"));
            locks.counter().reset();

            assertThat(old.extend(LONG, Duration.ZERO)).isEmpty();

            assertThat(locks.counter().snapshot())
                    .as("the holder believed it held the lock and tried, conditionally")
                    .isEqualTo(Map.of("PutObject", 1L));
            assertThat(locks.object(NAME)).isEqualTo(taken);
        }

        @Test
        void theOldHolderDoesNotExtendALockThatEndedOnItsOwnClock() {
            SimpleLock old = locks.provider()
                    .lock(config(NAME, Duration.ofMinutes(1), Duration.ZERO))
                    .orElseThrow();
            clock.advance(Duration.ofMinutes(2));
            StoredObject expired = locks.object(NAME);
            locks.counter().reset();

            assertThat(old.extend(LONG, Duration.ZERO)).isEmpty();

            assertThat(locks.counter().total()).isZero();
            assertThat(locks.object(NAME)).isEqualTo(expired);
        }

        @Test
        void aThreadOfTheSameInstanceCannotReleaseTheLockAnotherThreadTookAfterItExpired() {
            S3LockProvider instance = locks.provider();
            SimpleLock old = instance.lock(config(NAME, Duration.ofMinutes(1), Duration.ZERO))
                    .orElseThrow();
            clock.advance(Duration.ofMinutes(2));
            SimpleLock current =
                    instance.lock(config(NAME, LONG, Duration.ZERO)).orElseThrow();
            StoredObject taken = locks.object(NAME);
            locks.counter().reset();

            old.unlock();

            assertThat(locks.counter().total()).isZero();
            assertThat(locks.object(NAME)).isEqualTo(taken);
            current.unlock();
            assertThat(locks.record(NAME).lockUntil()).isEqualTo(clock.instant());
        }
    }

    @Nested
    class LockAtLeastFor {

        private final MutableClock clock = MutableClock.at("2025-06-01T10:00:00Z");

        @BeforeEach
        void shedLockClock() {
            ClockProvider.setClock(clock);
        }

        @Test
        void keepsTheLockAfterUnlockUntilItPasses() {
            Instant start = clock.instant();
            locks.provider()
                    .lock(config(NAME, LONG, Duration.ofMinutes(5)))
                    .orElseThrow()
                    .unlock();
            S3LockProvider other = locks.provider();

            assertThat(locks.record(NAME).lockUntil()).isEqualTo(start.plus(Duration.ofMinutes(5)));
            assertThat(other.lock(config(NAME, LONG, Duration.ZERO))).isEmpty();
            clock.advance(Duration.ofMinutes(5).minusMillis(1));
            assertThat(other.lock(config(NAME, LONG, Duration.ZERO))).isEmpty();
            clock.advance(Duration.ofMillis(1));
            assertThat(other.lock(config(NAME, LONG, Duration.ZERO))).isPresent();
        }

        @Test
        void unlockAfterItPassedEndsTheLockNow() {
            SimpleLock lock = locks.provider()
                    .lock(config(NAME, LONG, Duration.ofMinutes(1)))
                    .orElseThrow();
            clock.advance(Duration.ofMinutes(3));

            lock.unlock();

            assertThat(locks.record(NAME).lockUntil()).isEqualTo(clock.instant());
            assertThat(locks.provider().lock(config(NAME, LONG, Duration.ZERO))).isPresent();
        }
    }

    @Nested
    class Extend {

        private final MutableClock clock = MutableClock.at("2025-06-01T10:00:00Z");

        @BeforeEach
        void shedLockClock() {
            ClockProvider.setClock(clock);
        }

        @Test
        void theHolderExtendsItsLock() {
            Instant start = clock.instant();
            SimpleLock lock = locks.provider()
                    .lock(config(NAME, Duration.ofMinutes(1), Duration.ZERO))
                    .orElseThrow();
            clock.advance(Duration.ofSeconds(30));

            Optional<SimpleLock> extended = lock.extend(Duration.ofMinutes(5), Duration.ZERO);

            assertThat(extended).isPresent();
            S3LockRecord record = locks.record(NAME);
            assertThat(record.lockUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
            assertThat(record.lockedAt()).as("still the time it was taken").isEqualTo(start);
            clock.advance(Duration.ofMinutes(2));
            assertThat(locks.provider().lock(config(NAME, LONG, Duration.ZERO)))
                    .as("past the first lockAtMostFor, within the extended one")
                    .isEmpty();
            extended.get().unlock();
            assertThat(locks.provider().lock(config(NAME, LONG, Duration.ZERO))).isPresent();
        }

        @Test
        void anotherInstanceCannotExtendTheLock() {
            locks.provider()
                    .lock(config(NAME, Duration.ofMinutes(1), Duration.ZERO))
                    .orElseThrow();
            StoredObject held = locks.object(NAME);
            locks.counter().reset();

            boolean extended = new S3LockStorageAccessor(locks.client(), locks.bucket(), PREFIX)
                    .extend(config(NAME, Duration.ofMinutes(30), Duration.ZERO));

            assertThat(extended).isFalse();
            assertThat(locks.counter().total()).isZero();
            assertThat(locks.object(NAME)).isEqualTo(held);
        }
    }

    @Nested
    class Keys {

        @Test
        void theLockIsUnderLocksBesideLogsAndIndex() {
            locks.provider()
                    .lock(config(NAME, LONG, Duration.ZERO))
                    .orElseThrow()
                    .unlock();

            assertThat(locks.keys()).containsExactly("codeactions/locks/codelog-retention");
        }

        @Test
        void withoutAPrefixTheLockIsUnderLocks() {
            new S3LockProvider(locks.client(), locks.bucket(), "")
                    .lock(config(NAME, LONG, Duration.ZERO))
                    .orElseThrow();

            assertThat(locks.keys()).containsExactly("locks/codelog-retention");
        }

        @Test
        void thePrefixIsNormalisedAsTheLogStoreNormalisesIt() {
            new S3LockProvider(locks.client(), locks.bucket(), "/team/codeactions/")
                    .lock(config(NAME, LONG, Duration.ZERO))
                    .orElseThrow();

            assertThat(locks.keys()).containsExactly("team/codeactions/locks/codelog-retention");
        }

        @Test
        void aPrefixTheLogStoreRefusesIsRefused() {
            assertThatThrownBy(() -> new S3LockProvider(locks.client(), locks.bucket(), "a/../b"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("prefix");
        }
    }

    @Nested
    class HostileNames {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "../escape",
                    "..",
                    ".",
                    "a/b",
                    "/absolute",
                    "back\\slash",
                    "line\nbreak",
                    "nul\u0000char",
                    "del\u007fchar",
                    "space name",
                    "%2e%2e",
                    "caf\u00e9",
                    "bidi\u202eemanr"
                })
        void areRefusedBeforeAnyRequest(String name) {
            S3LockStorageAccessor accessor = new S3LockStorageAccessor(locks.client(), locks.bucket(), PREFIX);
            LockConfiguration config = config(name, LONG, Duration.ZERO);

            assertThatThrownBy(() -> locks.provider().lock(config))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid lock name")
                    .hasMessageContaining(S3LockStorageAccessor.NAME_RULE)
                    .hasMessageNotContaining("\n")
                    .hasMessageNotContaining("\u0000");
            assertThatThrownBy(() -> accessor.updateRecord(config)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> accessor.unlock(config)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> accessor.extend(config)).isInstanceOf(IllegalArgumentException.class);
            assertThat(locks.counter().total()).isZero();
        }

        @Test
        void aNameLongerThan255CharactersIsRefused() {
            assertThatThrownBy(() -> locks.provider().lock(config("n".repeat(256), LONG, Duration.ZERO)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(locks.provider().lock(config("n".repeat(255), LONG, Duration.ZERO)))
                    .isPresent();
        }
    }

    @Nested
    class Bodies {

        private final MutableClock clock = MutableClock.at("2025-06-01T10:00:00Z");

        @BeforeEach
        void shedLockClock() {
            ClockProvider.setClock(clock);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "not json",
                    "[]",
                    "{}",
                    "{\"lockUntil\":\"2025-06-01T09:00:00Z\"}",
                    "{\"lockUntil\":\"soon\",\"lockedAt\":\"2025-06-01T09:00:00Z\"}",
                    "{\"lockUntil\":\"2025-06-01T09:00:00Z\",\"lockedAt\":\"2025-06-01T09:00:00Z\""
                })
        void aBodyThatIsNotALockRecordFailsTheLockAndIsLeftAlone(String body) {
            locks.putLockObject(NAME, body);
            StoredObject before = locks.object(NAME);

            assertThatThrownBy(() -> locks.provider().lock(config(NAME, LONG, Duration.ZERO)))
                    .isInstanceOf(LockException.class)
                    .hasMessageContaining("s3://" + locks.bucket() + "/codeactions/locks/codelog-retention")
                    .hasMessageContaining("Delete the object");
            assertThat(locks.object(NAME)).isEqualTo(before);
        }

        @Test
        void unknownFieldsAreSkipped() {
            locks.putLockObject(
                    NAME,
                    "{\"version\":2,\"owner\":{\"pid\":[1,2]},\"lockUntil\":\"2025-06-01T10:05:00Z\","
                            + "\"lockedAt\":\"2025-06-01T09:00:00Z\",\"lockedBy\":\"go-service\",\"note\":null}");
            S3LockProvider provider = locks.provider();

            assertThat(provider.lock(config(NAME, LONG, Duration.ZERO))).isEmpty();
            clock.advance(Duration.ofMinutes(5));
            assertThat(provider.lock(config(NAME, LONG, Duration.ZERO))).isPresent();
        }

        @Test
        void aLockObjectThatWasDeletedIsCreatedAgain() {
            S3LockProvider provider = locks.provider();
            provider.lock(config(NAME, LONG, Duration.ZERO)).orElseThrow().unlock();
            locks.deleteLockObject(NAME);

            assertThat(provider.lock(config(NAME, LONG, Duration.ZERO))).isPresent();
            assertThat(locks.record(NAME).lockUntil()).isEqualTo(clock.instant().plus(LONG));
        }

        @Test
        void eachWriteHasItsOwnETagEvenWithTheSameTimes() {
            S3LockProvider provider = locks.provider();
            provider.lock(config(NAME, LONG, Duration.ZERO)).orElseThrow().unlock();
            StoredObject first = locks.object(NAME);
            provider.lock(config(NAME, LONG, Duration.ZERO)).orElseThrow().unlock();

            assertThat(locks.object(NAME).eTag()).isNotEqualTo(first.eTag());
        }
    }

    @Nested
    class Failures {

        @Test
        void aMissingBucketIsAnErrorNotALockHeldElsewhere() {
            String missing = "codelog-missing-" + TestStores.uniqueName();

            assertThatThrownBy(() ->
                            new S3LockProvider(locks.client(), missing, PREFIX).lock(config(NAME, LONG, Duration.ZERO)))
                    .isInstanceOf(LockException.class)
                    .hasMessageContaining("s3://" + missing + "/codeactions/locks/codelog-retention")
                    .hasMessageContaining("404")
                    .hasMessageNotContaining(server.secretAccessKey());
        }

        @Test
        void aReleaseThatFailsIsAnErrorAndCanBeRetried() {
            SimpleLock lock =
                    locks.provider().lock(config(NAME, LONG, Duration.ZERO)).orElseThrow();
            locks.deleteLockObject(NAME);
            locks.client().deleteBucket(request -> request.bucket(locks.bucket()));

            assertThatThrownBy(lock::unlock)
                    .isInstanceOf(LockException.class)
                    .hasMessageContaining("Could not release")
                    .hasMessageNotContaining(server.secretAccessKey());

            locks.client().createBucket(request -> request.bucket(locks.bucket()));
            assertThat(locks.provider().lock(config(NAME, LONG, Duration.ZERO))).isPresent();
            StoredObject taken = locks.object(NAME);
            lock.unlock();
            assertThat(locks.object(NAME))
                    .as("the retry finds the object another instance wrote and leaves it alone")
                    .isEqualTo(taken);
        }
    }

    @Nested
    class RequestCosts {

        @Test
        void oneRequestToCreateOrReleaseTwoToTakeAReleasedLockOneToFindItHeld() {
            S3LockProvider first = locks.provider();
            S3LockProvider second = locks.provider();

            SimpleLock lock = first.lock(config(NAME, LONG, Duration.ZERO)).orElseThrow();
            assertThat(locks.counter().snapshot()).as("create").isEqualTo(Map.of("PutObject", 1L));

            locks.counter().reset();
            lock.unlock();
            assertThat(locks.counter().snapshot()).as("release").isEqualTo(Map.of("PutObject", 1L));

            locks.counter().reset();
            lock = first.lock(config(NAME, LONG, Duration.ZERO)).orElseThrow();
            assertThat(locks.counter().snapshot())
                    .as("take the released lock")
                    .isEqualTo(Map.of("GetObject", 1L, "PutObject", 1L));

            locks.counter().reset();
            assertThat(second.lock(config(NAME, LONG, Duration.ZERO))).isEmpty();
            assertThat(locks.counter().snapshot())
                    .as("a new instance's first try: the create fails, then a read")
                    .isEqualTo(Map.of("GetObject", 1L, "PutObject", 1L));

            locks.counter().reset();
            assertThat(second.lock(config(NAME, LONG, Duration.ZERO))).isEmpty();
            assertThat(locks.counter().snapshot()).as("held").isEqualTo(Map.of("GetObject", 1L));

            locks.counter().reset();
            assertThat(lock.extend(LONG, Duration.ZERO)).isPresent();
            assertThat(locks.counter().snapshot()).as("extend").isEqualTo(Map.of("PutObject", 1L));
        }
    }
}
