package io.codelog.it.history;

import io.codelog.it.history.Anomaly.Rule;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A read (findById or a listing) that returns a log after a delete of it was acknowledged, with no create of the
 * id that may have taken effect after the delete began.
 */
final class ReadAfterDeleteRule implements HistoryRule {

    @Override
    public Rule rule() {
        return Rule.READ_AFTER_DELETE;
    }

    @Override
    public void check(HistoryIndex index, Consumer<Anomaly> report, LongAdder checked) {
        for (HistoryIndex.Read read : index.reads()) {
            Invocation reader = read.read();
            String id = read.log().id();
            Invocation latest = null;
            for (Invocation delete : index.deletesOf(id)) {
                if (delete.outcome() == Outcome.OK
                        && delete.end() < reader.start()
                        && (latest == null || delete.start() > latest.start())) {
                    latest = delete;
                }
            }
            if (latest == null) {
                continue;
            }
            checked.increment();
            long deleteStart = latest.start();
            boolean createdAgain = index.instancesOf(id).stream()
                    .anyMatch(created -> index.effectBy(created.create()) > deleteStart
                            && created.create().start() < reader.end());
            if (!createdAgain) {
                Invocation writer = index.writerOf(read.log().content());
                report.accept(new Anomaly(
                        Rule.READ_AFTER_DELETE,
                        id,
                        "log " + id + " read after its delete was acknowledged, and no create of it began after",
                        writer == null ? List.of(latest, reader) : List.of(latest, writer, reader)));
            }
        }
    }
}
