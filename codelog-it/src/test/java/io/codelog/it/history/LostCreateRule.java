package io.codelog.it.history;

import io.codelog.it.history.Anomaly.Rule;
import io.codelog.it.history.HistoryIndex.Instance;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * An acknowledged create that a later findById does not find, with no delete of the id that may have removed it:
 * the read finds nothing, another create's log (the create was overwritten), or content older than the create.
 */
final class LostCreateRule implements HistoryRule {

    @Override
    public Rule rule() {
        return Rule.LOST_CREATE;
    }

    @Override
    public void check(HistoryIndex index, Consumer<Anomaly> report, LongAdder checked) {
        for (Invocation read : index.history().invocations()) {
            if (read.call().kind() != Call.Kind.FIND || read.outcome() != Outcome.OK) {
                continue;
            }
            List<Instance> earlier = index.instancesOf(read.call().id()).stream()
                    .filter(created ->
                            created.acknowledged() && created.create().end() < read.start())
                    .sorted(Comparator.comparingLong(
                                    (Instance created) -> created.create().end())
                            .reversed())
                    .toList();
            for (Instance created : earlier) {
                if (mayHaveBeenDeleted(index, created, read)) {
                    // Every earlier create is excused by the same delete.
                    break;
                }
                checked.increment();
                String problem = problem(index, created, read);
                if (problem != null) {
                    Invocation writer = read.log() == null
                            ? null
                            : index.writerOf(read.log().content());
                    report.accept(new Anomaly(
                            Rule.LOST_CREATE,
                            created.id(),
                            problem,
                            writer == null
                                    ? List.of(created.create(), read)
                                    : List.of(created.create(), writer, read)));
                }
            }
        }
    }

    private static boolean mayHaveBeenDeleted(HistoryIndex index, Instance created, Invocation read) {
        return index.deletesOf(created.id()).stream()
                .anyMatch(delete -> delete.mayHaveTakenEffect()
                        && delete.start() < read.end()
                        && index.effectBy(delete) > created.create().start());
    }

    private static String problem(HistoryIndex index, Instance created, Invocation read) {
        if (read.log() == null) {
            return "findById found nothing after the create was acknowledged, and no delete of the id began before"
                    + " the read ended";
        }
        Invocation writer = index.writerOf(read.log().content());
        if (writer == null || writer == created.create() || !created.id().equals(index.idWrittenBy(writer))) {
            // Content nobody wrote, or written for another log, is UNWRITTEN_CONTENT's to report.
            return null;
        }
        if (writer.call().kind() == Call.Kind.CREATE) {
            return "findById returned another create's log: the acknowledged create was overwritten, with no"
                    + " delete of the id between them";
        }
        if (writer.mayHaveTakenEffect()
                && index.effectBy(writer) <= created.create().start()) {
            return "findById returned the content of an update that ended before the acknowledged create began";
        }
        return null;
    }
}
