package io.codelog.it.history;

import io.codelog.it.history.Anomaly.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** A listing that holds one id more than once. */
final class DuplicateInListingRule implements HistoryRule {

    @Override
    public Rule rule() {
        return Rule.DUPLICATE_IN_LISTING;
    }

    @Override
    public void check(HistoryIndex index, Consumer<Anomaly> report, LongAdder checked) {
        for (Invocation listing : index.history().invocations()) {
            if (!listing.call().kind().lists() || listing.outcome() != Outcome.OK) {
                continue;
            }
            checked.increment();
            Set<String> ids = new HashSet<>();
            for (Seen log : listing.logs()) {
                if (!ids.add(log.id())) {
                    report.accept(new Anomaly(
                            Rule.DUPLICATE_IN_LISTING,
                            log.id(),
                            "log " + log.id() + " listed twice",
                            List.of(listing)));
                }
            }
        }
    }
}
