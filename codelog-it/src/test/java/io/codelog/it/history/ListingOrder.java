package io.codelog.it.history;

import io.codelog.it.history.HistoryIndex.Instance;
import java.time.Instant;
import java.util.Comparator;

/**
 * Where a log can stand in a listing relative to another. Stores order listings by createdAt then id; the S3 store
 * chooses a page's logs by the id's seconds then id (the page is then sorted by createdAt), and for an id supplied by
 * the caller the two orders differ. So a log is surely before another only when it is before it in both orders, and
 * possibly before it when it is before it in either, or when its place is unknown.
 */
final class ListingOrder {

    private static final Comparator<Instance> BY_CREATED_AT =
            Comparator.comparing(Instance::createdAt).thenComparing(Instance::id);
    private static final Comparator<Instance> BY_ID_SECONDS =
            Comparator.comparing(Instance::idSeconds).thenComparing(Instance::id);

    private ListingOrder() {}

    /** Whether {@code earlier} is listed before {@code log} in every store's order; {@code log}'s place is known. */
    static boolean surelyBefore(Instance earlier, Instance log) {
        return known(earlier) && BY_CREATED_AT.compare(earlier, log) < 0 && BY_ID_SECONDS.compare(earlier, log) < 0;
    }

    /** Whether {@code earlier} may be listed before {@code log}; {@code log}'s place is known. */
    static boolean possiblyBefore(Instance earlier, Instance log) {
        return !known(earlier) || BY_CREATED_AT.compare(earlier, log) < 0 || BY_ID_SECONDS.compare(earlier, log) < 0;
    }

    /** Whether the log's place in both orders is known: its id is an ObjectId and its createdAt was seen. */
    static boolean known(Instance log) {
        Instant createdAt = log.createdAt();
        return createdAt != null && log.idSeconds() != null;
    }
}
