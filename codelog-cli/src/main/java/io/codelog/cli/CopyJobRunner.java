package io.codelog.cli;

import io.codelog.migration.MigrationEngine;
import io.codelog.migration.MigrationException;
import io.codelog.migration.MigrationJob;
import io.codelog.migration.MigrationRun;
import io.codelog.migration.MigrationSummary;
import io.codelog.migration.PartitionStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Runs one copy job of a command to its end: checks the job id against the job's stored range, shows progress,
 * stops at the user's request, prints and writes the summary, and turns the outcome into an exit code: a job left
 * not complete (days other workers still hold) is never reported as done.
 */
final class CopyJobRunner {

    private static final int QUARANTINE_SHOWN = 10;

    private final CliContext context;
    private final PrintWriter out;

    CopyJobRunner(CliContext context) {
        this.context = context;
        this.out = context.out();
    }

    /** What a job did and the exit code it deserves. */
    record Outcome(MigrationSummary summary, int exitCode) {}

    /**
     * Runs the job.
     *
     * @param title what is copied, e.g. {@code mongo-to-s3}, for the progress lines
     * @param report where to write the summary as JSON, or null
     * @throws CliUsageException when the job id names a job of another range
     * @throws MigrationException when a store keeps failing (the summary so far is printed and written first)
     */
    Outcome run(
            MigrationEngine engine, MigrationJob job, ProgressOptions progress, String title, @Nullable Path report) {
        if (!job.dryRun()) {
            checkRange(engine, job);
        }
        MigrationSummary summary;
        try (ProgressDisplay display = new ProgressDisplay(context, progress, title)) {
            MigrationRun run = engine.migrate(job, display);
            display.watch(run::progress);
            context.interruption().onRequest(run::cancel);
            summary = run.call();
        } catch (MigrationException e) {
            if (e.summary() != null) {
                new SummaryPrinter(out).print(e.summary());
                writeReport(report, e.summary());
            }
            throw e;
        } finally {
            context.interruption().clear();
        }
        new SummaryPrinter(out).print(summary);
        writeReport(report, summary);
        return new Outcome(summary, exitCode(engine, job, summary));
    }

    private int exitCode(MigrationEngine engine, MigrationJob job, MigrationSummary summary) {
        if (summary.cancelled()) {
            out.println(
                    "  interrupted: progress is checkpointed; run the same command again to resume job " + job.jobId());
            return ExitCode.INTERRUPTED;
        }
        if (!summary.complete()) {
            HeldDays.printNotComplete(out, job, summary, context.clock().instant());
        }
        long quarantined =
                job.dryRun() ? summary.counts().quarantined() : engine.state().quarantineCount(job.jobId());
        if (quarantined > 0) {
            out.println("  " + HumanReadable.count(quarantined) + " entries of job " + job.jobId()
                    + " are quarantined, not copied: fix or delete them at the source, then run a new job over their"
                    + " days"
                    + (job.dryRun() ? "" : " (all of them: MongoDB collection codelog_migration_quarantine)"));
            if (!job.dryRun()) {
                new SummaryPrinter(out).printQuarantine(engine.state().quarantine(job.jobId(), QUARANTINE_SHOWN));
            }
        }
        if (!summary.complete()) {
            return ExitCode.NOT_COMPLETE;
        }
        return quarantined == 0 ? ExitCode.OK : ExitCode.DIFFERENCES;
    }

    /** A job id names one range: reusing it for another would mix two jobs' checkpoints. */
    private static void checkRange(MigrationEngine engine, MigrationJob job) {
        Set<String> stored = new TreeSet<>();
        for (PartitionStatus status : engine.state().partitions(job.jobId())) {
            if (!PartitionStatus.UNDATED.equals(status.partition())) {
                stored.add(status.partition());
            }
        }
        if (stored.isEmpty()) {
            return;
        }
        Set<String> wanted = new HashSet<>();
        for (LocalDate day = job.from(); day.isBefore(job.toExclusive()); day = day.plusDays(1)) {
            wanted.add(day.toString());
        }
        if (!stored.equals(wanted)) {
            TreeSet<String> days = new TreeSet<>(stored);
            throw new CliUsageException("--job-id " + job.jobId() + " is a job over " + days.first() + ".."
                    + days.last() + ": give those --from and --to to resume it, or another --job-id.");
        }
    }

    private static void writeReport(@Nullable Path report, MigrationSummary summary) {
        if (report != null) {
            ReportFile.write(report, summary.toJson());
        }
    }
}
