package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a fake clock whose sleeps move time forward. */
class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> sleeps = new ArrayList<>();

    private TokenBucket bucket(double rate) {
        return new TokenBucket(rate, now::get, nanos -> {
            sleeps.add(nanos);
            now.addAndGet(nanos);
        });
    }

    @Test
    void handsOutTheBurstAtOnceThenOnePermitPerInterval() {
        TokenBucket bucket = bucket(100);
        assertThat(bucket.capacity()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            bucket.acquire();
        }
        assertThat(sleeps).isEmpty();

        bucket.acquire();
        bucket.acquire();

        assertThat(sleeps).containsExactly(10_000_000L, 10_000_000L);
    }

    @Test
    void neverExceedsRateTimesTimePlusCapacity() {
        TokenBucket bucket = bucket(250);
        long start = now.get();
        for (int i = 0; i < 5_000; i++) {
            bucket.acquire();
        }
        double seconds = (now.get() - start) / 1e9;
        assertThat(5_000.0).isLessThanOrEqualTo(250 * seconds + bucket.capacity() + 1e-6);
        assertThat(seconds).isGreaterThanOrEqualTo((5_000 - bucket.capacity()) / 250 - 1e-6);
    }

    @Test
    void refillsAfterAPauseButNotBeyondItsCapacity() {
        TokenBucket bucket = bucket(2);
        bucket.acquire();
        now.addAndGet(60_000_000_000L);
        bucket.acquire();
        assertThat(sleeps).isEmpty();
        bucket.acquire();
        assertThat(sleeps).containsExactly(500_000_000L);
    }

    @Test
    void rejectsAnUnusableRate() {
        assertThatThrownBy(() -> bucket(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bucket(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInterruptedWaitSaysSoAndKeepsTheFlag() {
        TokenBucket bucket = new TokenBucket(1, now::get, nanos -> {
            throw new InterruptedException();
        });
        bucket.acquire();
        try {
            assertThatThrownBy(bucket::acquire)
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("rate limit");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
