package io.codelog.migration;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/** The {@link RequestGate} of one run: counts every request by kind and, when a limit is set, paces them. */
final class MeteredGate implements RequestGate {

    private final @Nullable TokenBucket bucket;
    private final Map<RequestKind, LongAdder> counts = new EnumMap<>(RequestKind.class);

    /** @param bucket the rate limit, or null for none */
    MeteredGate(@Nullable TokenBucket bucket) {
        this.bucket = bucket;
        for (RequestKind kind : RequestKind.values()) {
            counts.put(kind, new LongAdder());
        }
    }

    /** A gate limited to this many requests per second, or unlimited when the limit is 0. */
    static MeteredGate limitedTo(double requestsPerSecond) {
        return new MeteredGate(requestsPerSecond > 0 ? TokenBucket.perSecond(requestsPerSecond) : null);
    }

    @Override
    public void acquire(RequestKind kind) {
        if (bucket != null) {
            bucket.acquire();
        }
        counts.get(kind).increment();
    }

    /** The requests counted so far. */
    RequestCounts counts() {
        Map<RequestKind, Long> snapshot = new EnumMap<>(RequestKind.class);
        counts.forEach((kind, adder) -> snapshot.put(kind, adder.sum()));
        return new RequestCounts(snapshot);
    }
}
