package io.codelog.migration;

/**
 * What happened to the logs of a partition (or of a whole run).
 *
 * @param read entries listed and read from the source
 * @param migrated logs written to the target (in a dry run: logs that would be written)
 * @param skipped logs the target already held exactly
 * @param quarantined entries recorded in the quarantine instead of being copied
 */
public record PartitionCounts(long read, long migrated, long skipped, long quarantined) {

    /** Nothing yet. */
    public static final PartitionCounts ZERO = new PartitionCounts(0, 0, 0, 0);

    /** These counts and the other ones added. */
    public PartitionCounts plus(PartitionCounts other) {
        return new PartitionCounts(
                read + other.read, migrated + other.migrated, skipped + other.skipped, quarantined + other.quarantined);
    }
}
