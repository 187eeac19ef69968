package io.codelog.s3;

import io.codelog.core.CodeLogIds;
import io.codelog.core.RunFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which day prefixes a lookup or listing scans. Every range is widened by one day on each side, because the
 * Go service dated keys by its local time (e.g. -03:00) while created_at and this store use UTC: a key can
 * sit one day off the UTC date of its log.
 */
final class DayWindows {

    private final Clock clock;
    private final Duration maxRunDuration;
    private final Duration listWindow;
    private final Duration lookupWindow;

    DayWindows(S3CodeLogSettings settings) {
        this.clock = settings.rules().clock();
        this.maxRunDuration = settings.maxRunDuration();
        this.listWindow = settings.listWindow();
        this.lookupWindow = settings.lookupWindow();
    }

    /** The UTC date of an instant. */
    static LocalDate utcDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Today in UTC by the rules' clock. */
    LocalDate today() {
        return utcDay(clock.instant());
    }

    /**
     * The days of a run listing: for an ObjectId run, its first day - 1 to the day of its timestamp +
     * {@code maxRunDuration}, + 1, capped at today + 1; otherwise the {@code listWindow} days before now,
     * widened.
     */
    List<LocalDate> forFilter(RunFilter filter) {
        Optional<Instant> runStart = CodeLogIds.objectIdTime(filter.runId());
        if (runStart.isEmpty()) {
            return recent(listWindow);
        }
        LocalDate first = utcDay(runStart.get()).minusDays(1);
        LocalDate last = utcDay(runStart.get().plus(maxRunDuration)).plusDays(1);
        LocalDate cap = today().plusDays(1);
        return range(first, last.isAfter(cap) ? cap : last);
    }

    /**
     * The days to scan when those of {@link #forFilter} hold no log of an ObjectId run: the {@code listWindow}
     * days not scanned yet, for run ids that are not the ObjectId of the run's start (reused from another
     * document, or supplied by a caller). Empty for other filters, which already scan the list window.
     */
    List<LocalDate> fallbackFor(RunFilter filter) {
        if (!CodeLogIds.isObjectId(filter.runId())) {
            return List.of();
        }
        List<LocalDate> scanned = forFilter(filter);
        return recent(listWindow).stream().filter(day -> !scanned.contains(day)).toList();
    }

    /** The days a log id without an index pointer may sit under. */
    List<LocalDate> forLookup(String id) {
        Optional<Instant> created = CodeLogIds.objectIdTime(id);
        if (created.isEmpty()) {
            return recent(lookupWindow);
        }
        LocalDate day = utcDay(created.get());
        return range(day.minusDays(1), day.plusDays(1));
    }

    private List<LocalDate> recent(Duration window) {
        Instant now = clock.instant();
        return range(utcDay(now.minus(window)).minusDays(1), utcDay(now).plusDays(1));
    }

    private static List<LocalDate> range(LocalDate first, LocalDate last) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }
}
