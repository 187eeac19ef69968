package io.codelog.bench;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** A number of S3 requests by operation name, written short: {@code 3 LIST + 20 GET}. */
record RequestCost(Map<String, Long> byOperation) {

    private static final Map<String, String> SHORT_NAMES = Map.of(
            "ListObjectsV2", "LIST",
            "GetObject", "GET",
            "PutObject", "PUT",
            "HeadObject", "HEAD");

    RequestCost {
        byOperation = Map.copyOf(byOperation);
    }

    /** Requests of the given operations, zero counts left out. */
    static RequestCost of(long lists, long gets, String otherOperation, long others) {
        Map<String, Long> counts = new TreeMap<>();
        counts.put("ListObjectsV2", lists);
        counts.put("GetObject", gets);
        counts.put(otherOperation, others);
        counts.values().removeIf(count -> count == 0);
        return new RequestCost(counts);
    }

    /** How many requests of this operation. */
    long count(String operation) {
        return byOperation.getOrDefault(operation, 0L);
    }

    /** How many requests in all. */
    long total() {
        return byOperation.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        if (byOperation.isEmpty()) {
            return "0";
        }
        StringJoiner text = new StringJoiner(" + ");
        new TreeMap<>(byOperation)
                .descendingMap()
                .forEach((operation, count) ->
                        text.add(String.format("%,d", count) + " " + SHORT_NAMES.getOrDefault(operation, operation)));
        return text.toString();
    }
}
