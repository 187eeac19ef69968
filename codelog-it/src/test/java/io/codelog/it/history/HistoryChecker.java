package io.codelog.it.history;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Checks a recorded history against the six rules of {@link Anomaly.Rule}, taking every failed or timed-out write
 * as possibly applied and possibly not, at any moment from its start until the history settled, and nothing else.
 */
public final class HistoryChecker {

    private static final List<HistoryRule> RULES = List.of(
            new LostCreateRule(),
            new ReadAfterDeleteRule(),
            new UnwrittenContentRule(),
            new DuplicateInListingRule(),
            new PageMissesLogRule(),
            new CountTooSmallRule());

    /**
     * What the check found.
     *
     * @param anomalies every anomaly, empty when every result has an explanation
     * @param checked how many results each rule constrained: reads of acknowledged creates, reads after a delete,
     *     logs read, listings, logs whose place lay on a page, counts with logs certainly there
     */
    public record Report(List<Anomaly> anomalies, Map<Anomaly.Rule, Long> checked) {}

    private HistoryChecker() {}

    /** Every anomaly of the history, and how many results each rule constrained. */
    public static Report check(History history) {
        HistoryIndex index = new HistoryIndex(history);
        List<Anomaly> anomalies = new ArrayList<>();
        Map<Anomaly.Rule, Long> checked = new EnumMap<>(Anomaly.Rule.class);
        for (HistoryRule rule : RULES) {
            LongAdder count = new LongAdder();
            rule.check(index, anomalies::add, count);
            checked.put(rule.rule(), count.sum());
        }
        return new Report(List.copyOf(anomalies), checked);
    }
}
