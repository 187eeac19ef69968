package io.codelog.s3;

import io.codelog.core.CodeLogIds;
import io.codelog.core.RunFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The days that held the logs of runs whose id does not date them (UUID runs), as a listing of the whole list window
 * found them a moment ago, so that the next pages and counts of such a run list those days and the last ones instead
 * of every day of the window: a run paged through costs its window once per time to live. Days this store writes a
 * run's logs to are added as it writes them, also while a listing runs; a log another writer put on another day is
 * listed once the hint is older than the time to live. At most {@value #MAX_RUNS} runs are kept.
 */
final class RunDayHints {

    static final int MAX_RUNS = 1_024;

    private final ListingLifetime lifetime;
    private final Map<RunFilter, Hint> hints = new ConcurrentHashMap<>();

    /**
     * @param ttl how long a listing's days answer; zero keeps nothing
     * @param clock the store's clock, which ages the hints
     */
    RunDayHints(Duration ttl, Clock clock) {
        this.lifetime = new ListingLifetime(ttl, clock);
    }

    /** Whether hints are kept for this filter: a run id that is not an ObjectId, and a time to live. */
    boolean applies(RunFilter filter) {
        return lifetime.keepsAnything() && filter.runId() != null && !CodeLogIds.isObjectId(filter.runId());
    }

    /** The days that held the filter's logs as recently listed, plus those written since; null when none is fresh. */
    @Nullable
    Set<LocalDate> get(RunFilter filter) {
        Hint hint = hints.get(filter);
        if (hint == null || !hint.complete || lifetime.expired(hint.listedAt)) {
            return null;
        }
        return Set.copyOf(hint.days);
    }

    /**
     * Starts a hint for a listing of the whole window that begins now; the days written meanwhile are kept in it, so
     * that a log written during the listing, which the listing may have missed, is not left out.
     */
    Hint begin(RunFilter filter) {
        // A hint whose listing failed never completes: it goes once it would have expired.
        lifetime.evictExpired(hints, hint -> hint.listedAt);
        Hint hint = new Hint(lifetime.now());
        if (hints.size() < MAX_RUNS || hints.containsKey(filter)) {
            hints.put(filter, hint);
        }
        return hint;
    }

    /** Records a day this store wrote a log of the run and code to, in the hints of the run and of run and code. */
    void written(String runId, String codeId, LocalDate day) {
        add(new RunFilter(runId, null), day);
        add(new RunFilter(runId, codeId), day);
    }

    private void add(RunFilter filter, LocalDate day) {
        Hint hint = hints.get(filter);
        if (hint != null) {
            hint.days.add(day);
        }
    }

    /** The days one listing found, and those written since it began. */
    static final class Hint {
        private final long listedAt;
        private final Set<LocalDate> days = ConcurrentHashMap.newKeySet();
        private volatile boolean complete;

        private Hint(long listedAt) {
            this.listedAt = listedAt;
        }

        /** Adds the days the listing found and lets the hint answer. */
        void complete(Collection<LocalDate> found) {
            days.addAll(found);
            complete = true;
        }
    }
}
