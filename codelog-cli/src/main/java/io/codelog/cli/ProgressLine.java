package io.codelog.cli;

import io.codelog.migration.MigrationProgress;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The text of one progress report: percent of the job's day partitions done, logs, rate, time left and
 * quarantined entries, and while the run waits for days other workers hold, which and until when. The time left
 * is projected from the pace since the first report, so a resumed job is not credited with the work of earlier
 * runs.
 */
final class ProgressLine {

    private static final int BAR_WIDTH = 24;

    private final String title;
    private final Clock clock;
    private long baselineDone = -1;
    private Duration baselineElapsed = Duration.ZERO;

    /**
     * @param title what is copied, e.g. {@code mongo-to-s3}
     * @param clock the time that leases lapse against
     */
    ProgressLine(String title, Clock clock) {
        this.title = title;
        this.clock = clock;
    }

    /**
     * {@code [######..................]  25%  15/60 days  4,000 logs  1,234 logs/s  ETA 0:12  quarantined 0}, or
     * while waiting {@code [######################..]  91%  10/11 days  17,990 logs  waiting for 1 day held by ...}.
     */
    String bar(MigrationProgress progress) {
        double fraction = fraction(progress);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        String done = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", Math.round(fraction * 100)) + "  " + progress.partitionsDone()
                + "/" + progress.partitionsTotal() + " days  "
                + HumanReadable.count(progress.counts().read())
                + " logs  ";
        if (!progress.waitingFor().isEmpty()) {
            return done + waiting(progress);
        }
        return done + HumanReadable.rate(progress.logsPerSecond()) + " logs/s  ETA " + eta(progress) + "  quarantined "
                + HumanReadable.count(progress.counts().quarantined());
    }

    /**
     * {@code mongo-to-s3: 15/60 days (25%), 4,000 read, 3,990 written, 10 skipped, 0 quarantined, 1,234 logs/s, ETA 0:12},
     * or while waiting {@code ..., 1,234 logs/s; waiting for 1 day held by ...} (no time left can be projected then).
     */
    String line(MigrationProgress progress) {
        return title + ": " + progress.partitionsDone() + "/" + progress.partitionsTotal() + " days ("
                + Math.round(fraction(progress) * 100) + "%), "
                + HumanReadable.count(progress.counts().read())
                + " read, " + HumanReadable.count(progress.counts().migrated()) + " written, "
                + HumanReadable.count(progress.counts().skipped()) + " skipped, "
                + HumanReadable.count(progress.counts().quarantined()) + " quarantined, "
                + HumanReadable.rate(progress.logsPerSecond()) + " logs/s"
                + (progress.waitingFor().isEmpty() ? ", ETA " + eta(progress) : "; " + waiting(progress));
    }

    private String waiting(MigrationProgress progress) {
        return HeldDays.waiting(progress.waitingFor(), progress.giveUpAt(), clock.instant());
    }

    private static double fraction(MigrationProgress progress) {
        return progress.partitionsTotal() == 0
                ? 0
                : Math.min(1.0, (double) progress.partitionsDone() / progress.partitionsTotal());
    }

    /** Takes the first progress with a known total as the point the pace is measured from. */
    synchronized void observe(MigrationProgress progress) {
        if (baselineDone < 0 && progress.partitionsTotal() > 0) {
            baselineDone = progress.partitionsDone();
            baselineElapsed = progress.elapsed();
        }
    }

    private synchronized String eta(MigrationProgress progress) {
        observe(progress);
        if (progress.partitionsTotal() == 0) {
            return "--";
        }
        long left = progress.partitionsTotal() - progress.partitionsDone();
        if (left <= 0) {
            return HumanReadable.duration(Duration.ZERO);
        }
        long doneSince = progress.partitionsDone() - baselineDone;
        Duration spent = progress.elapsed().minus(baselineElapsed);
        if (doneSince <= 0 || spent.isNegative() || spent.isZero()) {
            return "--";
        }
        return HumanReadable.duration(spent.multipliedBy(left).dividedBy(doneSince));
    }
}
