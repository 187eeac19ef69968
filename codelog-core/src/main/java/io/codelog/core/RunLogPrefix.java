package io.codelog.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The head of a run's listing read from one store, and the merge of two such heads. */
final class RunLogPrefix {

    private RunLogPrefix() {}

    /**
     * The first {@code count} logs of the filter in the store's order, read a page of up to 1,000 at a time until
     * an empty page: a page that is short because the store skipped unreadable objects is not the end of it. Each id
     * is kept once: a listing that moves between two pages (logs created or deleted meanwhile) may show a log on both.
     */
    static List<CodeLog> first(CodeLogRepository store, RunFilter filter, long count) {
        List<CodeLog> logs = new ArrayList<>();
        if (count <= 0) {
            return logs;
        }
        Set<String> seen = new HashSet<>();
        int pageSize = (int) Math.min(count, PageRequest.MAX_LIMIT);
        for (int page = 1; logs.size() < count; page++) {
            List<CodeLog> batch = store.listRunLogs(filter.runId(), filter.codeId(), pageSize, page);
            for (CodeLog log : batch) {
                if (seen.add(log.id())) {
                    logs.add(log);
                }
            }
            if (batch.isEmpty()) {
                break;
            }
        }
        return logs.size() > count ? logs.subList(0, (int) count) : logs;
    }

    /** Merges two lists sorted oldest first; a log in both appears once, as the first list has it. */
    static List<CodeLog> mergeDistinct(List<CodeLog> first, List<CodeLog> second) {
        Set<String> firstIds = ids(first);
        List<CodeLog> merged = new ArrayList<>(first.size() + second.size());
        int i = 0;
        int j = 0;
        while (i < first.size() || j < second.size()) {
            if (j < second.size() && firstIds.contains(second.get(j).id())) {
                j++;
            } else if (j == second.size()
                    || (i < first.size() && CodeLogOrder.OLDEST_FIRST.compare(first.get(i), second.get(j)) <= 0)) {
                merged.add(first.get(i++));
            } else {
                merged.add(second.get(j++));
            }
        }
        return merged;
    }

    static Set<String> ids(List<CodeLog> logs) {
        Set<String> ids = new HashSet<>(logs.size() * 2);
        logs.forEach(log -> ids.add(log.id()));
        return ids;
    }
}
