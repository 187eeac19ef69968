package io.codelog.it.history;

import io.codelog.core.CodeLogIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A history arranged for the rules: the write that put each content in the store, the creates that may have put
 * each log there, and the reads, deletes, listings and counts of each id and run.
 */
final class HistoryIndex {

    /**
     * A create that may have put a log in the store, and what is known of that log.
     *
     * @param create the create
     * @param id the log's id: supplied, returned, or seen by a read of the create's content; null when unknown
     * @param run the run the create wrote to
     * @param createdAt the log's createdAt as returned or read; null when unknown
     * @param deadline the start of the first delete of the id that may have removed this log, else {@link
     *     Long#MAX_VALUE}
     * @param goneBy the end of the first acknowledged delete of the id that started after this create took effect:
     *     the log was gone by then; else {@link Long#MAX_VALUE}
     */
    record Instance(Invocation create, String id, String run, Instant createdAt, long deadline, long goneBy) {

        /** Whether the create was acknowledged with the log it stored. */
        boolean acknowledged() {
            return create.outcome() == Outcome.OK;
        }

        /** Whether the log was there from before {@code from} until after {@code to}, for sure. */
        boolean certainThroughout(long from, long to) {
            return acknowledged() && create.end() < from && deadline >= to;
        }

        /** Whether the log may have been there at some moment from {@code from} to {@code to}. */
        boolean possibleWithin(long from, long to) {
            return create.start() < to && goneBy >= from;
        }

        /** The seconds of an ObjectId id, which S3 listings order by, or empty for an unknown id. */
        Long idSeconds() {
            return id == null
                    ? null
                    : CodeLogIds.objectIdTime(id).map(Instant::getEpochSecond).orElse(null);
        }
    }

    /** A log one read returned. */
    record Read(Invocation read, Seen log) {}

    private final History history;
    private final Map<String, Invocation> writers = new HashMap<>();
    private final Map<String, Seen> firstSeen = new HashMap<>();
    private final Map<String, List<Invocation>> deletes = new HashMap<>();
    private final Map<String, List<Invocation>> finds = new HashMap<>();
    private final Map<String, List<Instance>> instancesById = new HashMap<>();
    private final Map<String, List<Instance>> instancesByRun = new HashMap<>();
    private final Map<String, List<Invocation>> listings = new HashMap<>();
    private final Map<String, List<Invocation>> counts = new HashMap<>();
    private final Map<String, Invocation> finalListing = new HashMap<>();
    private final List<Read> reads = new ArrayList<>();

    HistoryIndex(History history) {
        this.history = history;
        for (Invocation invocation : history.invocations()) {
            file(invocation);
        }
        for (Invocation invocation : history.invocations()) {
            if (invocation.call().kind() == Call.Kind.CREATE && invocation.mayHaveTakenEffect()) {
                addInstance(invocation);
            }
        }
    }

    History history() {
        return history;
    }

    /** When a write may have taken effect by, at the latest. */
    long effectBy(Invocation write) {
        return history.effectBy(write);
    }

    /** The create or update that wrote this content, or null when none did. */
    Invocation writerOf(String content) {
        return writers.get(content);
    }

    /**
     * The id of the log a create or update wrote: the one it names, the one a create returned, or for a create
     * whose id was generated and not returned, the id the first read of its content showed (null if none did).
     */
    String idWrittenBy(Invocation writer) {
        if (writer.call().id() != null) {
            return writer.call().id();
        }
        if (writer.outcome() == Outcome.OK) {
            return writer.log().id();
        }
        Seen seen = firstSeen.get(writer.call().content());
        return seen == null ? null : seen.id();
    }

    /** Every log that a successful findById or listing returned. */
    List<Read> reads() {
        return reads;
    }

    /** The successful findById calls of an id. */
    List<Invocation> findsOf(String id) {
        return finds.getOrDefault(id, List.of());
    }

    /** Every delete of an id, whatever its outcome. */
    List<Invocation> deletesOf(String id) {
        return deletes.getOrDefault(id, List.of());
    }

    /** The creates that may have put a log of this id in the store. */
    List<Instance> instancesOf(String id) {
        return instancesById.getOrDefault(id, List.of());
    }

    /** The creates that may have put a log in this run, ids unknown included. */
    List<Instance> instancesOfRun(String run) {
        return instancesByRun.getOrDefault(run, List.of());
    }

    /** The runs that were listed or counted. */
    Set<String> listedOrCountedRuns() {
        Set<String> runs = new HashSet<>(listings.keySet());
        runs.addAll(counts.keySet());
        return runs;
    }

    /** The successful listings of a run, pages and whole ones. */
    List<Invocation> listingsOf(String run) {
        return listings.getOrDefault(run, List.of());
    }

    /** The successful counts of a run. */
    List<Invocation> countsOf(String run) {
        return counts.getOrDefault(run, List.of());
    }

    private void file(Invocation invocation) {
        Call call = invocation.call();
        switch (call.kind()) {
            case CREATE, UPDATE -> writers.put(call.content(), invocation);
            case DELETE ->
                deletes.computeIfAbsent(call.id(), id -> new ArrayList<>()).add(invocation);
            default -> {}
        }
        if (invocation.outcome() != Outcome.OK) {
            return;
        }
        switch (call.kind()) {
            case FIND -> {
                finds.computeIfAbsent(call.id(), id -> new ArrayList<>()).add(invocation);
                if (invocation.log() != null) {
                    read(invocation, invocation.log());
                }
            }
            case PAGE, LIST -> {
                listings.computeIfAbsent(call.run(), run -> new ArrayList<>()).add(invocation);
                invocation.logs().forEach(log -> read(invocation, log));
                if (call.kind() == Call.Kind.LIST && invocation.start() > history.settledAt()) {
                    finalListing.putIfAbsent(call.run(), invocation);
                }
            }
            case COUNT ->
                counts.computeIfAbsent(call.run(), run -> new ArrayList<>()).add(invocation);
            default -> {}
        }
    }

    private void read(Invocation invocation, Seen log) {
        reads.add(new Read(invocation, log));
        firstSeen.putIfAbsent(log.content(), log);
    }

    private void addInstance(Invocation create) {
        String id = idWrittenBy(create);
        if (id == null && finalListing.containsKey(create.call().run())) {
            // No read ever showed this log, nor the whole listing of its run made once the store had settled; and
            // no client could have deleted it without learning its id from a read: the create never took effect.
            return;
        }
        Instant createdAt = create.outcome() == Outcome.OK ? create.log().createdAt() : seenCreatedAt(create);
        long deadline = Long.MAX_VALUE;
        long goneBy = Long.MAX_VALUE;
        if (id != null) {
            for (Invocation delete : deletesOf(id)) {
                if (delete.mayHaveTakenEffect() && effectBy(delete) > create.start()) {
                    deadline = Math.min(deadline, delete.start());
                }
                if (delete.outcome() == Outcome.OK && delete.start() > effectBy(create)) {
                    goneBy = Math.min(goneBy, delete.end());
                }
            }
        }
        Instance instance = new Instance(create, id, create.call().run(), createdAt, deadline, goneBy);
        if (id != null) {
            instancesById.computeIfAbsent(id, key -> new ArrayList<>()).add(instance);
        }
        instancesByRun
                .computeIfAbsent(create.call().run(), key -> new ArrayList<>())
                .add(instance);
    }

    private Instant seenCreatedAt(Invocation create) {
        Seen seen = firstSeen.get(create.call().content());
        return seen == null ? null : seen.createdAt();
    }
}
