package io.codelog.cli;

import io.codelog.migration.HeldPartition;
import io.codelog.migration.MigrationJob;
import io.codelog.migration.MigrationSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * Says which days other workers hold, by whom and until when: on the progress line while a copy waits for them,
 * and in the result of a copy that ends with the job not complete.
 */
final class HeldDays {

    private static final int SHOWN_WHILE_WAITING = 3;
    private static final int SHOWN_AT_THE_END = 10;

    private HeldDays() {}

    /** {@code waiting for 1 day held by worker-1-ab (2025-03-05, lease lapses in 1m 12s)}. */
    static String waiting(List<HeldPartition> held, Instant giveUpAt, Instant now) {
        StringJoiner holders = new StringJoiner(", ");
        for (HeldPartition partition : held.subList(0, Math.min(held.size(), SHOWN_WHILE_WAITING))) {
            holders.add(partition.owner() + " (" + partition.partition() + ", "
                    + (partition.renewed() && giveUpAt != null
                            ? "alive: renewing its lease; giving up in " + timeLeft(Duration.between(now, giveUpAt))
                            : "lease lapses in " + timeLeft(Duration.between(now, partition.leaseExpiresAt())))
                    + ")");
        }
        if (held.size() > SHOWN_WHILE_WAITING) {
            holders.add("and " + (held.size() - SHOWN_WHILE_WAITING) + " more");
        }
        return "waiting for " + days(held.size()) + " held by " + holders;
    }

    /** The lines that say why a job is not complete, what holds it, and what to do. */
    static void printNotComplete(PrintWriter out, MigrationJob job, MigrationSummary summary, Instant now) {
        List<HeldPartition> held = summary.heldByOthers();
        if (held.isEmpty()) {
            out.println("  job " + job.jobId() + " is not complete: " + summary.partitionsDone() + "/"
                    + summary.partitionsTotal() + " days done; run the same command again to finish it");
            return;
        }
        out.println("  job " + job.jobId() + " is not complete: " + days(held.size()) + " still held by other workers");
        for (HeldPartition partition : held.subList(0, Math.min(held.size(), SHOWN_AT_THE_END))) {
            out.println("    " + partition.partition() + " held by " + partition.owner() + ": lease lapses at "
                    + partition.leaseExpiresAt() + " (in "
                    + timeLeft(Duration.between(now, partition.leaseExpiresAt())) + ")"
                    + (partition.renewed() ? ", renewed while this process waited: that worker is alive" : ""));
        }
        if (held.size() > SHOWN_AT_THE_END) {
            out.println("    and " + (held.size() - SHOWN_AT_THE_END) + " more days");
        }
        if (job.waitForHeld().isZero()) {
            out.println("  --no-wait: this process did not wait for them; run the same command without it to wait"
                    + " for the leases of dead workers to lapse and take their days over");
        } else {
            out.println("  another process is copying them (waited " + timeLeft(summary.waitedForHeld())
                    + "; --wait-for-held-days sets how long): let it finish, or stop it and run the same command"
                    + " again; then codelog verify");
        }
    }

    /** {@code 45s}, {@code 1m 12s}, {@code 2h 05m}: a wait, rounded up to the second, never negative. */
    static String timeLeft(Duration duration) {
        long seconds = duration.isNegative() ? 0 : TimeUnit.MILLISECONDS.toSeconds(duration.toMillis() + 999);
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        return seconds / 3600 + "h " + String.format(java.util.Locale.ROOT, "%02dm", seconds / 60 % 60);
    }

    private static String days(int count) {
        return count + (count == 1 ? " day" : " days");
    }
}
