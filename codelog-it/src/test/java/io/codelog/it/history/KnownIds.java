package io.codelog.it.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The ids the clients have learned from results, by run: those they believe live, and those lately deleted, so that
 * updates, deletes and reads name ids that exist, or just stopped existing. Thread-safe.
 */
final class KnownIds {

    private static final int GONE_KEPT = 32;

    private final Map<String, List<String>> live = new HashMap<>();
    private final Map<String, Integer> place = new HashMap<>();
    private final Map<String, String> runOf = new HashMap<>();
    private final Deque<String> gone = new ArrayDeque<>();

    KnownIds(List<String> runs) {
        runs.forEach(run -> live.put(run, new ArrayList<>()));
    }

    /** Learns what a result says: ids created, listed or found are live; ids deleted or not found are not. */
    synchronized void learn(Invocation invocation) {
        if (invocation.outcome() == Outcome.REJECTED && invocation.call().kind() == Call.Kind.UPDATE) {
            remove(invocation.call().id());
        }
        if (invocation.outcome() != Outcome.OK) {
            return;
        }
        switch (invocation.call().kind()) {
            case CREATE -> add(invocation.log());
            case DELETE -> remove(invocation.call().id());
            case FIND -> {
                if (invocation.log() == null) {
                    remove(invocation.call().id());
                } else {
                    add(invocation.log());
                }
            }
            case PAGE, LIST -> invocation.logs().forEach(this::add);
            default -> {}
        }
    }

    /** How many ids of the run are believed live. */
    synchronized int size(String run) {
        return live.get(run).size();
    }

    /** A live id of the run, or null when none is known. */
    synchronized String anyLive(String run, SplittableRandom random) {
        List<String> ids = live.get(run);
        return ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
    }

    /** A live id of the run that this client may write, or null when none is known. */
    synchronized String anyLiveWritable(String run, int client, HistoryPlan plan, SplittableRandom random) {
        List<String> writable =
                live.get(run).stream().filter(id -> plan.mayWrite(client, id)).toList();
        return writable.isEmpty() ? null : writable.get(random.nextInt(writable.size()));
    }

    /** An id lately deleted, or null when none was. */
    synchronized String anyGone(SplittableRandom random) {
        if (gone.isEmpty()) {
            return null;
        }
        int skip = random.nextInt(gone.size());
        return gone.stream().skip(skip).findFirst().orElseThrow();
    }

    /** Every id believed live. */
    synchronized List<String> allLive() {
        return List.copyOf(place.keySet());
    }

    private void add(Seen log) {
        if (place.containsKey(log.id()) || !live.containsKey(log.run())) {
            return;
        }
        List<String> ids = live.get(log.run());
        place.put(log.id(), ids.size());
        runOf.put(log.id(), log.run());
        ids.add(log.id());
    }

    private void remove(String id) {
        Integer at = place.remove(id);
        if (at == null) {
            return;
        }
        List<String> ids = live.get(runOf.remove(id));
        String last = ids.remove(ids.size() - 1);
        if (!last.equals(id)) {
            ids.set(at, last);
            place.put(last, at);
        }
        gone.addLast(id);
        if (gone.size() > GONE_KEPT) {
            gone.removeFirst();
        }
    }
}
