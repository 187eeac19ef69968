package io.codelog.cli;

import io.codelog.migration.CostEstimate;
import io.codelog.migration.MigrationSummary;
import io.codelog.migration.QuarantineEntry;
import io.codelog.migration.RequestCounts;
import io.codelog.migration.RequestKind;
import io.codelog.migration.VerificationReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** Prints what a copy or a comparison did, for people; {@code --report} writes the same as JSON. */
final class SummaryPrinter {

    private final PrintWriter out;

    SummaryPrinter(PrintWriter out) {
        this.out = out;
    }

    /** The counts, requests and estimated price of one run of a copy. */
    void print(MigrationSummary summary) {
        String verb = summary.dryRun() ? "would write" : "written";
        out.println("  read " + HumanReadable.count(summary.counts().read()) + ", " + verb + " "
                + HumanReadable.count(summary.counts().migrated()) + ", already there "
                + HumanReadable.count(summary.counts().skipped()) + ", quarantined "
                + HumanReadable.count(summary.counts().quarantined()) + " in "
                + HumanReadable.duration(summary.elapsed()) + " (" + HumanReadable.rate(summary.logsPerSecond())
                + " logs/s)");
        out.println("  days done " + summary.partitionsDone() + "/" + summary.partitionsTotal() + " ("
                + summary.partitionsByThisWorker() + " by this process)"
                + (summary.complete() ? "" : ", job not complete"));
        if (summary.waitedForHeld().toMillis() > 0) {
            out.println("  waited " + HumanReadable.duration(summary.waitedForHeld()) + " for days other workers held");
        }
        out.println("  requests: " + requests(summary.requests()));
        CostEstimate estimate = summary.estimate();
        out.println("  " + (summary.dryRun() ? "a real run would cost" : "cost") + ": "
                + HumanReadable.count(estimate.putClassRequests()) + " PUT/LIST-class and "
                + HumanReadable.count(estimate.getClassRequests()) + " GET-class S3 requests = "
                + HumanReadable.usd(estimate.requestsUsd()) + ", then " + HumanReadable.bytes(estimate.storedBytes())
                + " stored = " + HumanReadable.usd(estimate.storageUsdPerMonth()) + " per month");
        printQuarantine(summary.quarantineSample());
    }

    /** The first quarantined entries: source key, partition and reason, never content. */
    void printQuarantine(List<QuarantineEntry> entries) {
        for (QuarantineEntry entry : entries) {
            out.println("  quarantined " + entry.sourceKey() + " (" + entry.partition() + "): " + entry.reason());
        }
    }

    /** The counts of a comparison and its first differences. */
    void print(VerificationReport report) {
        out.println("  checked " + HumanReadable.count(report.checked()) + ": equal "
                + HumanReadable.count(report.equal()) + ", " + HumanReadable.count(report.missingInTarget())
                + " missing, " + HumanReadable.count(report.different()) + " different, "
                + HumanReadable.count(report.unreadable()) + " unreadable in "
                + HumanReadable.duration(report.elapsed()));
        if (report.repaired() > 0) {
            out.println("  repaired " + HumanReadable.count(report.repaired()) + " (copied from the source)");
        }
        if (report.deletedFromSource() > 0 || report.keptInSource() > 0) {
            out.println("  deleted from the source " + HumanReadable.count(report.deletedFromSource()) + ", kept "
                    + HumanReadable.count(report.keptInSource()) + " (changed in the source meanwhile, or their copy"
                    + " was gone, changed or unreadable when read again just before the deletion: listed below)");
        }
        out.println("  requests: " + requests(report.requests()));
        report.differences()
                .forEach(difference -> out.println("  "
                        + difference.kind().name().toLowerCase(Locale.ROOT) + " "
                        + difference.sourceKey()
                        + (difference.logId() == null ? "" : " (log " + difference.logId() + ")")
                        + " in " + difference.partition()
                        + (difference.detail() == null || difference.detail().isEmpty()
                                ? ""
                                : ": " + difference.detail())));
    }

    /** {@code s3_put 2,000, s3_list 61, mongo 1,000}. */
    static String requests(RequestCounts counts) {
        if (counts.total() == 0) {
            return "none";
        }
        StringJoiner joined = new StringJoiner(", ");
        for (RequestKind kind : RequestKind.values()) {
            long count = counts.count(kind);
            if (count > 0) {
                joined.add(kind.name().toLowerCase(Locale.ROOT) + " " + HumanReadable.count(count));
            }
        }
        return joined.toString();
    }
}
