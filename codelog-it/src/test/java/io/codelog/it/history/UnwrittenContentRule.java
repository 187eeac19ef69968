package io.codelog.it.history;

import io.codelog.it.history.Anomaly.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A read that returns content no acknowledged or pending create or update of that log wrote: content nobody
 * wrote, the content of a write the store refused, of a write that began after the read ended, or of another
 * log; or a log under another run than its create's or the listing's.
 */
final class UnwrittenContentRule implements HistoryRule {

    @Override
    public Rule rule() {
        return Rule.UNWRITTEN_CONTENT;
    }

    @Override
    public void check(HistoryIndex index, Consumer<Anomaly> report, LongAdder checked) {
        for (HistoryIndex.Read read : index.reads()) {
            Invocation reader = read.read();
            Seen log = read.log();
            Invocation writer = index.writerOf(log.content());
            checked.increment();
            String problem = problem(index, reader, log, writer);
            if (problem != null) {
                List<Invocation> involved = new ArrayList<>();
                if (writer != null) {
                    involved.add(writer);
                }
                involved.add(reader);
                report.accept(new Anomaly(Rule.UNWRITTEN_CONTENT, log.id(), problem, involved));
            }
        }
    }

    private static String problem(HistoryIndex index, Invocation reader, Seen log, Invocation writer) {
        if (writer == null) {
            return "log " + log.id() + " has content that no create or update wrote";
        }
        if (!writer.mayHaveTakenEffect()) {
            return "log " + log.id() + " has the content of a " + writer.call().kind() + " the store refused";
        }
        if (writer.start() > reader.end()) {
            return "log " + log.id() + " has the content of a write that began after the read ended";
        }
        String writtenFor = index.idWrittenBy(writer);
        if (!log.id().equals(writtenFor)) {
            return "log " + log.id() + " has the content written for log " + writtenFor;
        }
        if (writer.call().kind() == Call.Kind.CREATE && !writer.call().run().equals(log.run())) {
            return "log " + log.id() + " of run " + writer.call().run() + " was returned in run " + log.run();
        }
        if (reader.call().kind().lists() && !reader.call().run().equals(log.run())) {
            return "the listing of run " + reader.call().run() + " returned log " + log.id() + " of run " + log.run();
        }
        return null;
    }
}
