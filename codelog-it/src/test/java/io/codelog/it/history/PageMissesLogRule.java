package io.codelog.it.history;

import io.codelog.it.history.Anomaly.Rule;
import io.codelog.it.history.HistoryIndex.Instance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A page that misses a log which was in the run throughout the listing and whose place was on that page whichever
 * logs around it came or went meanwhile, when a count or a full listing made within the log's lifetime (after its
 * create ended, before any delete of it began) includes it.
 *
 * <p>The log's place ranges from the number of logs surely before it and there throughout the listing, to the
 * number of logs possibly before it and possibly there at some moment of it (logs of unknown place counted as
 * before). Only when that whole range lies inside the page must the page hold the log.
 */
final class PageMissesLogRule implements HistoryRule {

    @Override
    public Rule rule() {
        return Rule.PAGE_MISSES_LOG;
    }

    @Override
    public void check(HistoryIndex index, Consumer<Anomaly> report, LongAdder checked) {
        for (String run : index.listedOrCountedRuns()) {
            List<Instance> instances = index.instancesOfRun(run);
            for (Invocation page : index.listingsOf(run)) {
                check(index, run, instances, page, report, checked);
            }
        }
    }

    private static void check(
            HistoryIndex index,
            String run,
            List<Instance> instances,
            Invocation page,
            Consumer<Anomaly> report,
            LongAdder checked) {
        Set<String> listed = new HashSet<>();
        page.logs().forEach(log -> listed.add(log.id()));
        List<Instance> possible = new ArrayList<>();
        for (Instance created : instances) {
            if (created.possibleWithin(page.start(), page.end())) {
                possible.add(created);
            }
        }
        long first = (long) (page.call().page() - 1) * page.call().limit();
        long afterLast = first + page.call().limit();
        for (Instance log : possible) {
            if (!log.certainThroughout(page.start(), page.end())) {
                continue;
            }
            if (placesBefore(possible, log, page, true) < first
                    || placesBefore(possible, log, page, false) >= afterLast) {
                continue;
            }
            checked.increment();
            if (listed.contains(log.id())) {
                continue;
            }
            Invocation witness = witness(index, run, log);
            if (witness != null) {
                report.accept(new Anomaly(
                        Rule.PAGE_MISSES_LOG,
                        log.id(),
                        "page of " + page.call().limit() + " logs from place " + first + " misses log " + log.id()
                                + ", whose place was within the page throughout",
                        List.of(log.create(), witness, page)));
            }
        }
    }

    /**
     * How many logs are surely before {@code log} and there throughout the page ({@code fewest}), or possibly before
     * it and possibly there at some moment of it; each id once, each unknown id apart.
     */
    private static long placesBefore(List<Instance> possible, Instance log, Invocation page, boolean fewest) {
        Set<String> ids = new HashSet<>();
        long unknown = 0;
        for (Instance other : possible) {
            if (log.id().equals(other.id())) {
                continue;
            }
            boolean before = fewest
                    ? other.certainThroughout(page.start(), page.end()) && ListingOrder.surelyBefore(other, log)
                    : ListingOrder.possiblyBefore(other, log);
            if (before) {
                if (other.id() == null) {
                    unknown++;
                } else {
                    ids.add(other.id());
                }
            }
        }
        return ids.size() + unknown;
    }

    /** A count, or a full listing holding the log, made within the log's lifetime; null when there is none. */
    private static Invocation witness(HistoryIndex index, String run, Instance log) {
        for (Invocation count : index.countsOf(run)) {
            if (log.certainThroughout(count.start(), count.end())) {
                return count;
            }
        }
        for (Invocation listing : index.listingsOf(run)) {
            if (listing.call().kind() == Call.Kind.LIST
                    && log.certainThroughout(listing.start(), listing.end())
                    && listing.logs().stream().anyMatch(seen -> seen.id().equals(log.id()))) {
                return listing;
            }
        }
        return null;
    }
}
