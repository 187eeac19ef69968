package io.codelog.cli;

import io.codelog.migration.MigrationEngine;
import io.codelog.migration.VerificationReport;
import io.codelog.migration.VerifyJob;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Runs one comparison of a command: prints the report, writes it as JSON, and gives the exit code. */
final class VerifyRunner {

    private final CliContext context;

    VerifyRunner(CliContext context) {
        this.context = context;
    }

    /**
     * Compares, repairing and deleting as the job says.
     *
     * @param direction {@code mongo-to-s3} or {@code s3-to-mongo}, for the report
     * @param report where to write the report as JSON, or null
     * @return {@link ExitCode#DIFFERENCES} when differences remain (found and not repaired), else OK
     */
    int run(MigrationEngine engine, VerifyJob job, String direction, @Nullable Path report) {
        return exitCode(verify(engine, job, direction, report));
    }

    /** Compares and prints, without judging. */
    VerificationReport verify(MigrationEngine engine, VerifyJob job, String direction, @Nullable Path report) {
        Thread comparing = Thread.currentThread();
        context.interruption().onRequest(comparing::interrupt);
        VerificationReport result;
        try {
            result = engine.verify(job);
        } finally {
            context.interruption().clear();
            // An interrupt that arrived after the comparison ended must not leak into what follows.
            Thread.interrupted();
        }
        new SummaryPrinter(context.out()).print(result);
        if (report != null) {
            ReportFile.write(
                    report,
                    VerificationJson.write(
                            direction, job.from(), job.toExclusive().minusDays(1), result));
        }
        return result;
    }

    /** Whether differences remain: found and not repaired (an unreadable source entry cannot be repaired). */
    static int exitCode(VerificationReport result) {
        long found = result.missingInTarget() + result.different() + result.unreadable();
        return found > result.repaired() ? ExitCode.DIFFERENCES : ExitCode.OK;
    }
}
