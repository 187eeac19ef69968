package io.codelog.migration;

/**
 * What one {@link DualWriteRepair#run()} did with the recorded dual-write failures.
 *
 * @param failures failure records read and handled, whether repaired, kept or removed as range operations
 * @param copied logs written to the secondary from the primary (once per log per batch, however many records)
 * @param deletedFromSecondary logs deleted from the secondary because the primary no longer has them
 * @param stillFailing failure records kept because their repair failed again, or their log kept changing while it
 *     was repaired; the next run retries them
 * @param rangeOperations records of {@code deleteOlder} removed without a repair (they name no log)
 * @param alreadyRepaired logs the secondary already held as the primary does (or lacked, as the primary does):
 *     nothing was written
 * @param newerInSecondary logs left as the secondary holds them because its copy was written later than the
 *     primary's log ({@code updatedAt}), e.g. by a service that already had the secondary as its primary
 */
public record DualWriteRepairReport(
        long failures,
        long copied,
        long deletedFromSecondary,
        long stillFailing,
        long rangeOperations,
        long alreadyRepaired,
        long newerInSecondary) {

    /** Whether every failure read was settled, none being left for a later run. */
    public boolean complete() {
        return stillFailing == 0;
    }
}
