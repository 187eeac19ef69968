package io.codelog.it.history;

import java.util.ArrayList;
import java.util.List;

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

    private HistoryChecker() {}

    /** Every anomaly of the history, empty when every result has an explanation. */
    public static List<Anomaly> check(History history) {
        HistoryIndex index = new HistoryIndex(history);
        List<Anomaly> anomalies = new ArrayList<>();
        for (HistoryRule rule : RULES) {
            rule.check(index, anomalies::add);
        }
        return anomalies;
    }
}
