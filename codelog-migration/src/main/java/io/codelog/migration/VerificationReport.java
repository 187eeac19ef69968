package io.codelog.migration;

import java.time.Duration;
import java.util.List;

/**
 * What a comparison of source and target found, and what it repaired or deleted.
 *
 * @param checked source entries compared
 * @param equal logs whose canonical JSON hash is the same in both stores
 * @param missingInTarget logs the target does not have
 * @param different logs the target has with another canonical JSON
 * @param unreadable entries unreadable in the source or the target
 * @param repaired logs copied from the source to the target
 * @param deletedFromSource logs deleted from the source after they were found equal
 * @param keptInSource logs found equal but not deleted: the source changed them meanwhile, or the live read of the
 *     target's copy just before the deletion found it gone, changed or unreadable (those are also counted as
 *     missing, different or unreadable, and listed with the reason)
 * @param differences the first differences, up to the job's {@code maxDifferences}
 * @param requests the requests made
 * @param elapsed how long the comparison took
 */
public record VerificationReport(
        long checked,
        long equal,
        long missingInTarget,
        long different,
        long unreadable,
        long repaired,
        long deletedFromSource,
        long keptInSource,
        List<Difference> differences,
        RequestCounts requests,
        Duration elapsed) {

    /** Copies the differences, so that the report stays immutable. */
    public VerificationReport {
        differences = List.copyOf(differences);
    }

    /** Whether every log checked is equal in both stores. */
    public boolean allEqual() {
        return equal == checked;
    }
}
