package io.codelog.it.history;

import java.util.function.Consumer;

/** One of the checker's rules: reports every place a history breaks it. */
interface HistoryRule {

    /** Reports each anomaly of the history under this rule. */
    void check(HistoryIndex index, Consumer<Anomaly> report);
}
