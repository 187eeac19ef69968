package io.codelog.migration;

import io.codelog.core.CodeLogRepository;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A store the engine reads logs from, partition by partition (UTC days). Listing is sequential; {@link #read}
 * and {@link #deleteIfUnchanged} are called from many threads at once. Every request goes through the given
 * {@link RequestGate}.
 */
interface LogSource {

    /** A short name of the store, e.g. {@code mongo} or {@code s3}, recorded with checkpoints and quarantine. */
    String name();

    /**
     * The partitions of a range of UTC days, oldest first: one per day ({@code yyyy-MM-dd}), and for sources
     * that can hold logs without a usable date, one more partition of those when asked.
     */
    List<String> partitions(LocalDate from, LocalDate toExclusive, boolean includeUndated);

    /**
     * Lists one partition in order, starting after a position a previous listing returned (null for the start).
     * A resumed listing may repeat a few entries at the position, never skip one.
     *
     * @param batchSize how many entries one round trip fetches at most
     */
    SourceCursor open(String partition, @Nullable String resumeAfter, int batchSize, RequestGate gate);

    /** Reads one listed entry; a problem with the data is returned, a failure of the store is thrown. */
    SourceLog read(SourceEntry entry, RequestGate gate);

    /**
     * Deletes the entry when it is still exactly what was read, so that a log changed since is kept.
     *
     * @return whether it was deleted
     */
    boolean deleteIfUnchanged(SourceLog read, RequestGate gate);

    /** The store behind this source, for reads by id. */
    CodeLogRepository repository();
}
