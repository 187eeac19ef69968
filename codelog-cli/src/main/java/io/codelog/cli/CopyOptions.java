package io.codelog.cli;

import io.codelog.migration.MigrationJob;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options of a copy between the stores: {@code migrate} and {@code rollback}. */
final class CopyOptions {

    @Option(
            names = "--job-id",
            paramLabel = "ID",
            description = "Names the job's checkpoints and quarantine; run again with the same id (and range) to"
                    + " resume, or start it on several machines to share the days. Default: the direction and the"
                    + " range, e.g. mongo-to-s3_2025-01-01_2025-01-31.")
    @Nullable
    String jobId;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "" + MigrationJob.DEFAULT_CONCURRENCY,
            description =
                    "Logs copied in parallel, 1 to " + MigrationJob.MAX_CONCURRENCY + " (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--rate",
            paramLabel = "REQUESTS_PER_SECOND",
            defaultValue = "0",
            description = "Most store requests per second of this process, 0 for no limit (default: ${DEFAULT-VALUE})."
                    + " S3 accepts about 3,500 PUT per second per prefix.")
    double rate;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "" + MigrationJob.DEFAULT_BATCH_SIZE,
            description = "Entries one source round trip fetches, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--dry-run",
            description = "Read and compare only: write nothing, and print the counts and the estimated requests"
                    + " and cost of a real run.")
    boolean dryRun;

    @Option(
            names = "--include-undated",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "migrate: also sweep MongoDB documents without a usable created_at, to quarantine them"
                    + " (default: ${DEFAULT-VALUE}; --no-include-undated to skip).")
    boolean includeUndated;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the run's summary as JSON to FILE.")
    @Nullable
    Path report;

    @Option(
            names = "--wait-for-held-days",
            paramLabel = "DURATION",
            defaultValue = "10m",
            converter = DurationConverter.class,
            description = "With nothing left to claim, how long to wait for days that live workers hold (their"
                    + " leases keep being renewed) before ending with exit 5 (default: ${DEFAULT-VALUE}). A dead"
                    + " worker's day is always waited for until its lease lapses, then taken over.")
    Duration waitForHeldDays;

    @Option(
            names = "--no-wait",
            description = "Wait for no day other workers hold, not even for a dead worker's lease to lapse: end at"
                    + " once, with exit 5 while any is held.")
    boolean noWait;

    @Option(
            names = "--lease",
            paramLabel = "DURATION",
            defaultValue = "2m",
            converter = DurationConverter.class,
            description = "How long this process's claim on a day holds without renewal; renewed every third of it,"
                    + " at least 3s (default: ${DEFAULT-VALUE}). Should the process die, its day is taken over at"
                    + " most this long after its last renewal.")
    Duration lease;

    /**
     * The job these options describe.
     *
     * @param direction e.g. {@code mongo-to-s3}, the first part of the default job id
     * @throws CliUsageException naming the option whose value the engine refuses
     */
    MigrationJob job(String direction, LocalDate from, LocalDate toExclusive) {
        String id = jobId != null ? jobId : direction + "_" + from + "_" + toExclusive.minusDays(1);
        MigrationJob job = OptionValue.check("--job-id", () -> MigrationJob.of(id, from, toExclusive));
        job = OptionValue.check("--concurrency", job, j -> j.withConcurrency(concurrency));
        job = OptionValue.check("--rate", job, j -> j.withMaxRequestsPerSecond(rate));
        job = OptionValue.check("--batch-size", job, j -> j.withBatchSize(batchSize));
        job = OptionValue.check("--lease", job, j -> j.withLease(lease));
        job = OptionValue.check(
                "--wait-for-held-days", job, j -> j.withWaitForHeld(noWait ? Duration.ZERO : waitForHeldDays));
        return job.withDryRun(dryRun).withIncludeUndated(includeUndated);
    }
}
