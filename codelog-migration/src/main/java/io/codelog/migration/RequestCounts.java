package io.codelog.migration;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many requests of each kind a run made or would make.
 *
 * @param byKind the count of each kind; kinds not present count 0
 */
public record RequestCounts(Map<RequestKind, Long> byKind) {

    /** No request at all. */
    public static final RequestCounts NONE = new RequestCounts(Map.of());

    /** Copies the map, leaving out zero counts. */
    public RequestCounts {
        EnumMap<RequestKind, Long> copy = new EnumMap<>(RequestKind.class);
        byKind.forEach((kind, count) -> {
            if (count != null && count != 0) {
                copy.put(kind, count);
            }
        });
        byKind = Collections.unmodifiableMap(copy);
    }

    /** {@code count} requests of one kind. */
    public static RequestCounts of(RequestKind kind, long count) {
        return new RequestCounts(Map.of(kind, count));
    }

    /** How many requests of this kind. */
    public long count(RequestKind kind) {
        return byKind.getOrDefault(kind, 0L);
    }

    /** How many requests of every kind together. */
    public long total() {
        return byKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /** These counts and the other ones added. */
    public RequestCounts plus(RequestCounts other) {
        EnumMap<RequestKind, Long> sum = new EnumMap<>(RequestKind.class);
        sum.putAll(byKind);
        other.byKind.forEach((kind, count) -> sum.merge(kind, count, Long::sum));
        return new RequestCounts(sum);
    }

    /** These counts multiplied by a number of logs, e.g. the PUTs of one write times the logs to write. */
    public RequestCounts times(long factor) {
        EnumMap<RequestKind, Long> product = new EnumMap<>(RequestKind.class);
        byKind.forEach((kind, count) -> product.put(kind, count * factor));
        return new RequestCounts(product);
    }
}
