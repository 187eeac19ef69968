package io.codelog.migration;

import java.util.ArrayList;
import java.util.List;

/** The quarantine of a dry run: the first entries kept in memory, the rest only counted by the run. */
final class MemoryQuarantine implements QuarantineSink {

    private final int keep;
    private final List<QuarantineEntry> entries = new ArrayList<>();

    MemoryQuarantine(int keep) {
        this.keep = keep;
    }

    @Override
    public synchronized void record(QuarantineEntry entry) {
        if (entries.size() < keep) {
            entries.add(entry);
        }
    }

    synchronized List<QuarantineEntry> entries() {
        return List.copyOf(entries);
    }
}
