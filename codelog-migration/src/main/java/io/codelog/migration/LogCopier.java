package io.codelog.migration;

import io.codelog.core.CodeLog;
import io.codelog.core.InvalidCodeLogException;
import java.time.Clock;

/**
 * Copies one source entry: reads it, quarantines it when unreadable, skips it when the target holds it exactly,
 * else writes it (or, in a dry run, only counts it). Store failures are thrown to the caller. One per run: its
 * checker remembers the target listings of the run.
 */
final class LogCopier {

    private final String jobId;
    private final LogSource source;
    private final LogTarget target;
    private final TargetChecker checker;
    private final QuarantineSink quarantine;
    private final RequestGate gate;
    private final RunTotals totals;
    private final Clock clock;
    private final boolean dryRun;

    LogCopier(
            MigrationJob job,
            LogSource source,
            LogTarget target,
            QuarantineSink quarantine,
            RequestGate gate,
            RunTotals totals,
            Clock clock) {
        this.jobId = job.jobId();
        this.dryRun = job.dryRun();
        this.source = source;
        this.target = target;
        this.checker = target.checker(gate);
        this.quarantine = quarantine;
        this.gate = gate;
        this.totals = totals;
        this.clock = clock;
    }

    CompletionWatermark.Outcome copy(SourceEntry entry) {
        SourceLog read = source.read(entry, gate);
        if (!read.isReadable()) {
            return quarantine(entry, read.problem());
        }
        CodeLog log = read.log();
        if (checker.check(log) == TargetCopy.IDENTICAL) {
            return done(CompletionWatermark.Outcome.SKIPPED);
        }
        if (!dryRun) {
            try {
                target.write(log, gate);
            } catch (InvalidCodeLogException e) {
                return quarantine(entry, e.getMessage());
            }
        }
        totals.addStoredBytes(target.storedBytes(log));
        return done(CompletionWatermark.Outcome.MIGRATED);
    }

    private CompletionWatermark.Outcome quarantine(SourceEntry entry, String reason) {
        quarantine.record(new QuarantineEntry(
                jobId, source.name(), entry.sourceKey(), entry.partition(), reason, clock.instant()));
        return done(CompletionWatermark.Outcome.QUARANTINED);
    }

    private CompletionWatermark.Outcome done(CompletionWatermark.Outcome outcome) {
        totals.add(outcome);
        return outcome;
    }
}
