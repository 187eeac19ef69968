package io.codelog.it.history;

import io.codelog.it.history.Anomaly.Rule;
import io.codelog.it.history.HistoryIndex.Instance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A count smaller than the number of the run's logs whose create was acknowledged before the count started and
 * that no delete may have removed before it ended.
 */
final class CountTooSmallRule implements HistoryRule {

    private static final int CREATES_SHOWN = 5;

    @Override
    public Rule rule() {
        return Rule.COUNT_TOO_SMALL;
    }

    @Override
    public void check(HistoryIndex index, Consumer<Anomaly> report, LongAdder checked) {
        for (String run : index.listedOrCountedRuns()) {
            for (Invocation count : index.countsOf(run)) {
                Map<String, Instance> certain = new LinkedHashMap<>();
                for (Instance created : index.instancesOfRun(run)) {
                    if (created.certainThroughout(count.start(), count.end())) {
                        certain.putIfAbsent(created.id(), created);
                    }
                }
                if (!certain.isEmpty()) {
                    checked.increment();
                }
                if (count.count() < certain.size()) {
                    List<Invocation> involved = new ArrayList<>();
                    certain.values().stream().limit(CREATES_SHOWN).forEach(created -> involved.add(created.create()));
                    involved.add(count);
                    report.accept(new Anomaly(
                            Rule.COUNT_TOO_SMALL,
                            null,
                            "count " + count.count() + " of run " + run + " is below the " + certain.size()
                                    + " logs acknowledged before it and not deleted (the first "
                                    + Math.min(CREATES_SHOWN, certain.size()) + " creates shown)",
                            involved));
                }
            }
        }
    }
}
