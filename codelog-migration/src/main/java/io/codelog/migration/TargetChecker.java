package io.codelog.migration;

import io.codelog.core.CodeLog;

/**
 * Tells what a target holds for a log, for one pass over a source (one run, one verification). It may remember
 * what it listed during that pass, so make a new one for every pass. Thread-safe.
 */
@FunctionalInterface
interface TargetChecker {

    /** Whether the target already holds exactly this log. */
    TargetCopy check(CodeLog log);
}
