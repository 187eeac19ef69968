package io.codelog.cli;

import io.codelog.s3.S3ObjectFormat;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the S3 store holds, measured from listings alone (ListObjectsV2 gives each key's size): its log objects
 * (by the day in their key), its id index pointers, and how many LIST requests the measure took. One LIST per
 * 1,000 objects: 10 million objects cost 10,000 LISTs ($0.05).
 *
 * @param logs log objects under the standard root, and the legacy root when the store reads it
 * @param logBytes their bytes
 * @param index id index pointers
 * @param indexBytes their bytes
 * @param logsByDay log objects per day of their key
 * @param listRequests the LIST requests made
 */
record BucketInventory(
        long logs, long logBytes, long index, long indexBytes, Map<LocalDate, Long> logsByDay, long listRequests) {

    private static final LocalDate ANY_DAY = LocalDate.of(2000, 1, 1);
    private static final String ANY_DAY_SEGMENTS = "2000/01/01/";
    private static final String SAMPLE_ID = "id";

    BucketInventory {
        logsByDay = Map.copyOf(logsByDay);
    }

    /** Lists everything the store owns. */
    static BucketInventory measure(S3CommandConnection s3) {
        S3ObjectFormat format = s3.format();
        Tally logs = new Tally();
        Tally index = new Tally();
        Map<LocalDate, Long> byDay = new TreeMap<>();
        long requests = list(s3, logsRoot(format, false), object -> {
            format.parse(object.key()).ifPresent(key -> {
                logs.add(object);
                byDay.merge(key.day(), 1L, Long::sum);
            });
        });
        if (s3.settings().readLegacyPath()) {
            requests += list(
                    s3,
                    logsRoot(format, true),
                    object -> format.parse(object.key()).ifPresent(key -> {
                        logs.add(object);
                        byDay.merge(key.day(), 1L, Long::sum);
                    }));
        }
        requests += list(s3, indexRoot(format), index::add);
        return new BucketInventory(logs.count, logs.bytes, index.count, index.bytes, byDay, requests);
    }

    /** The average size of a log object, or 0 when there is none. */
    double averageLogBytes() {
        return logs == 0 ? 0 : (double) logBytes / logs;
    }

    /** The average size of an id index pointer, or 0 when there is none. */
    double averageIndexBytes() {
        return index == 0 ? 0 : (double) indexBytes / index;
    }

    /** The log objects whose key day falls in [from, toExclusive). */
    long logsBetween(LocalDate from, LocalDate toExclusive) {
        return logsByDay.entrySet().stream()
                .filter(entry ->
                        !entry.getKey().isBefore(from) && entry.getKey().isBefore(toExclusive))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** {@code {prefix}/logs/}, or its legacy form {@code {bucket}/{prefix}/logs/}. */
    static String logsRoot(S3ObjectFormat format, boolean legacy) {
        String dayPrefix = format.dayPrefix(ANY_DAY, legacy);
        return dayPrefix.substring(0, dayPrefix.length() - ANY_DAY_SEGMENTS.length());
    }

    /** {@code {prefix}/index/}. */
    static String indexRoot(S3ObjectFormat format) {
        String key = format.indexKey(SAMPLE_ID);
        return key.substring(0, key.length() - (SAMPLE_ID + ".json").length());
    }

    private static long list(S3CommandConnection s3, String prefix, Consumer<S3Object> each) {
        return S3Listing.forEach(s3.client(), s3.settings().bucket(), prefix, each);
    }

    /** A running count and size. */
    private static final class Tally {
        private long count;
        private long bytes;

        void add(S3Object object) {
            count++;
            bytes += object.size() == null ? 0 : object.size();
        }
    }
}
