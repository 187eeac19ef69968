package io.codelog.migration;

/** What a {@link LogTarget} holds for a log about to be copied to it. */
enum TargetCopy {
    /** Nothing under the log's id (or, in S3, its key). */
    MISSING,
    /** Exactly this log: nothing to write. */
    IDENTICAL,
    /** Something else, or not all of it (e.g. an S3 log without its id index pointer). */
    DIFFERENT
}
