package io.codelog.it.history;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** One of the checker's rules: reports every place a history breaks it, and how many places it held to it. */
interface HistoryRule {

    /** The rule, as anomalies name it. */
    Anomaly.Rule rule();

    /**
     * Reports each anomaly of the history under this rule, and counts each result the rule constrained: a rule that
     * counts none was not put to the test.
     */
    void check(HistoryIndex index, Consumer<Anomaly> report, LongAdder checked);
}
