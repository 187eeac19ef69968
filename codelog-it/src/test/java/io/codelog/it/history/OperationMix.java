package io.codelog.it.history;

import io.codelog.core.IdGenerator;
import io.codelog.core.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses each client's next call: 28% create (30% of them with a supplied id), 15% update, 12% delete, 20%
 * findById, 12% a page of a listing, 5% a whole listing and 8% a count, on a few runs, and mostly on ids the clients
 * know to be live, so that calls on one id overlap. A run at its size limit gets a delete instead of a create. When the
 * plan does not race writes, a client writes only the ids it owns.
 */
final class OperationMix {

    private static final int[] LIMITS = {1, 2, 5, 10, 20, 50, 100};
    private static final String[] TAILS = {"", " \u00e9\u4e2d\uD83D\uDE00", " line\nbreak", " \"quoted\" <tag> &amp;"};

    private final HistoryPlan plan;
    private final List<String> runs;
    private final Map<String, List<String>> suppliedIds;
    private final KnownIds known;
    private final IdGenerator neverCreated = IdGenerator.objectIds();

    OperationMix(HistoryPlan plan, List<String> runs, Map<String, List<String>> suppliedIds, KnownIds known) {
        this.plan = plan;
        this.runs = runs;
        this.suppliedIds = suppliedIds;
        this.known = known;
    }

    /** The next call of a client; {@code number} makes the content it writes unique. */
    Call next(SplittableRandom random, int client, long number) {
        String run = runs.get(random.nextInt(runs.size()));
        int roll = random.nextInt(100);
        if (roll < 28) {
            if (known.size(run) >= plan.logsPerRun()) {
                String victim = known.anyLiveWritable(run, client, plan, random);
                return victim == null ? Call.count(run) : Call.delete(victim);
            }
            return Call.create(
                    run, random.nextInt(100) < 30 ? suppliedId(run, client, random) : null, content(number, random));
        }
        if (roll < 43) {
            return Call.update(target(run, client, true, random), content(number, random));
        }
        if (roll < 55) {
            return Call.delete(target(run, client, true, random));
        }
        if (roll < 75) {
            return Call.find(target(run, client, false, random));
        }
        if (roll < 87) {
            int limit = LIMITS[random.nextInt(LIMITS.length)];
            int pages = (known.size(run) + 5) / limit + 1;
            return Call.page(run, limit, 1 + random.nextInt(pages));
        }
        if (roll < 92) {
            return Call.list(run, PageRequest.MAX_LIMIT);
        }
        return Call.count(run);
    }

    /** Content no other call writes. */
    static String content(long number, SplittableRandom random) {
        return "c" + number + TAILS[random.nextInt(TAILS.length)]
                + "x".repeat(random.nextInt(3) == 0 ? random.nextInt(400) : 0);
    }

    /** A supplied id of the run this client may write, or null (a generated id) when it may write none. */
    private String suppliedId(String run, int client, SplittableRandom random) {
        List<String> own = suppliedIds.get(run).stream()
                .filter(id -> plan.mayWrite(client, id))
                .toList();
        return own.isEmpty() ? null : own.get(random.nextInt(own.size()));
    }

    /**
     * Mostly a live id of the run; else a supplied id, an id lately deleted, or one never created; for a write, one
     * this client may write.
     */
    private String target(String run, int client, boolean write, SplittableRandom random) {
        int roll = random.nextInt(100);
        String id = null;
        if (roll < 70) {
            id = write ? known.anyLiveWritable(run, client, plan, random) : known.anyLive(run, random);
        } else if (roll < 90) {
            id = write
                    ? suppliedId(run, client, random)
                    : suppliedIds.get(run).get(random.nextInt(plan.suppliedIdsPerRun()));
        } else if (roll < 97) {
            id = known.anyGone(random);
            if (id != null && write && !plan.mayWrite(client, id)) {
                id = null;
            }
        }
        return id != null ? id : neverCreated.newId(Instant.now());
    }
}
