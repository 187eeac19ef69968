package io.codelog.migration;

/**
 * Told about a run's progress, on the run's own thread: keep it quick. Called at every checkpoint and when a
 * partition is done. A listener that throws stops nothing: the exception is logged and the run goes on.
 */
public interface MigrationListener {

    /** Called at each checkpoint with the worker's totals so far. */
    default void onProgress(MigrationProgress progress) {}

    /** Called when this worker finished a partition, with that partition's counts (earlier claims included). */
    default void onPartitionDone(String partition, PartitionCounts counts) {}

    /** A listener that ignores everything. */
    static MigrationListener none() {
        return new MigrationListener() {};
    }
}
