package io.codelog.migration;

/** Where a day partition of a job stands. */
public enum PartitionState {
    /** Not started, or given back by a worker that was cancelled or failed. */
    PENDING,
    /** A worker holds it until its lease expires. */
    CLAIMED,
    /** Every log of it was copied, skipped or quarantined. */
    DONE
}
