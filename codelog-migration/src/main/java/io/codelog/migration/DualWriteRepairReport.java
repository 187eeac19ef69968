package io.codelog.migration;

/**
 * What one {@link DualWriteRepair#run()} did with the recorded dual-write failures.
 *
 * @param failures failure records read and handled, whether repaired, kept or removed as range operations
 * @param copied logs written to the secondary from the primary (once per log per batch, however many records)
 * @param deletedFromSecondary logs deleted from the secondary because the primary no longer has them
 * @param stillFailing failure records kept because their repair failed again; the next run retries them
 * @param rangeOperations records of {@code deleteOlder} removed without a repair (they name no log)
 */
public record DualWriteRepairReport(
        long failures, long copied, long deletedFromSecondary, long stillFailing, long rangeOperations) {

    /** Whether every failure read was settled, none being left for a later run. */
    public boolean complete() {
        return stillFailing == 0;
    }
}
