package io.codelog.cli;

import io.codelog.migration.MigrationListener;
import io.codelog.migration.MigrationProgress;
import io.codelog.migration.PartitionCounts;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Shows a running copy on stderr: on a terminal one bar redrawn in place four times a second and at every
 * checkpoint; otherwise a timestamped line every interval, and one as soon as the run begins to wait for days
 * other workers hold. Polls the run's progress from a daemon thread, and is also the run's {@link
 * MigrationListener}. The last report is printed when it is closed.
 */
final class ProgressDisplay implements MigrationListener, AutoCloseable {

    private static final Duration BAR_REDRAW = Duration.ofMillis(250);

    private final PrintWriter err;
    private final ProgressOptions.Style style;
    private final Duration interval;
    private final Clock clock;
    private final ProgressLine line;
    private @Nullable ScheduledExecutorService ticker;
    private @Nullable Supplier<MigrationProgress> source;
    private @Nullable MigrationProgress last;
    private int drawnWidth;

    ProgressDisplay(CliContext context, ProgressOptions options, String title) {
        this.err = context.err();
        this.style = options.resolve(context.terminal());
        this.interval = style == ProgressOptions.Style.BAR ? BAR_REDRAW : options.interval;
        this.clock = context.clock();
        this.line = new ProgressLine(title, context.clock());
    }

    /** Starts reporting the progress the supplier gives, e.g. {@code run::progress}. */
    synchronized void watch(Supplier<MigrationProgress> progress) {
        source = progress;
        if (style == ProgressOptions.Style.NONE) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "codelog-progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = interval.toMillis();
        ticker.scheduleAtFixedRate(this::poll, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onProgress(MigrationProgress progress) {
        line.observe(progress);
        boolean startsWaiting = waitingSince(progress);
        if (style == ProgressOptions.Style.BAR || (startsWaiting && style == ProgressOptions.Style.LINES)) {
            show(progress);
        } else {
            remember(progress);
        }
    }

    /** Whether the run has just begun to wait for days other workers hold: a line says so at once. */
    private synchronized boolean waitingSince(MigrationProgress progress) {
        return !progress.waitingFor().isEmpty()
                && (last == null || last.waitingFor().isEmpty());
    }

    @Override
    public void onPartitionDone(String partition, PartitionCounts counts) {
        if (style == ProgressOptions.Style.BAR) {
            poll();
        }
    }

    /** Stops polling and prints the last state, ending the bar's line. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = ticker;
            ticker = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
        }
        synchronized (this) {
            if (style == ProgressOptions.Style.NONE) {
                return;
            }
            MigrationProgress now = source != null ? source.get() : last;
            if (now != null) {
                show(now);
            }
            if (style == ProgressOptions.Style.BAR && drawnWidth > 0) {
                err.println();
                drawnWidth = 0;
            }
            err.flush();
        }
    }

    private void poll() {
        Supplier<MigrationProgress> progress;
        synchronized (this) {
            progress = source;
        }
        if (progress != null) {
            show(progress.get());
        }
    }

    private synchronized void remember(MigrationProgress progress) {
        last = progress;
    }

    private synchronized void show(MigrationProgress progress) {
        last = progress;
        if (style == ProgressOptions.Style.BAR) {
            String text = line.bar(progress);
            err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
            drawnWidth = text.length();
        } else {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            err.println(now + " " + line.line(progress));
        }
        err.flush();
    }
}
