package io.codelog.migration;

import java.util.HashMap;
import java.util.Map;

/**
 * Tracks entries copied in parallel and finishing out of order, and yields the checkpoint of the longest prefix
 * (in source order) that is entirely finished. An entry that failed never finishes, so the checkpoint stays
 * before it. Holds only the entries in flight. Thread-safe.
 */
final class CompletionWatermark {

    /** How one entry ended. */
    enum Outcome {
        MIGRATED,
        SKIPPED,
        QUARANTINED
    }

    private static final class Slot {
        final String position;
        final String sourceKey;
        Outcome outcome;

        Slot(String position, String sourceKey) {
            this.position = position;
            this.sourceKey = sourceKey;
        }
    }

    private final Map<Long, Slot> inFlight = new HashMap<>();
    private long nextSequence;
    private long committedUpTo;
    private String position;
    private String lastId;
    private PartitionCounts counts;

    /** Starts from the checkpoint a previous claim left. */
    CompletionWatermark(Checkpoint start) {
        this.position = start.position();
        this.lastId = start.lastId();
        this.counts = start.counts();
    }

    /** Registers the next entry in source order and returns its sequence number. */
    synchronized long begin(SourceEntry entry) {
        inFlight.put(nextSequence, new Slot(entry.position(), entry.sourceKey()));
        return nextSequence++;
    }

    /** Marks an entry finished and moves the watermark over every finished entry that follows it. */
    synchronized void finish(long sequence, Outcome outcome) {
        inFlight.get(sequence).outcome = outcome;
        Slot slot;
        while ((slot = inFlight.get(committedUpTo)) != null && slot.outcome != null) {
            inFlight.remove(committedUpTo++);
            if (slot.position != null) {
                position = slot.position;
            }
            lastId = slot.sourceKey;
            counts = counts.plus(new PartitionCounts(
                    1,
                    slot.outcome == Outcome.MIGRATED ? 1 : 0,
                    slot.outcome == Outcome.SKIPPED ? 1 : 0,
                    slot.outcome == Outcome.QUARANTINED ? 1 : 0));
        }
    }

    /** Everything up to the watermark. */
    synchronized Checkpoint checkpoint() {
        return new Checkpoint(position, lastId, counts);
    }
}
