package io.codelog.migration;

/** Where a run records the entries it cannot copy. Thread-safe. */
interface QuarantineSink {

    /** Records one entry; recording the same source key of the same job again replaces it. */
    void record(QuarantineEntry entry);
}
