package io.codelog.it.history;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a history is recorded: how many clients, how many operations at most and for how long at most, on how many
 * runs, and from which seed.
 *
 * @param clients how many clients call the store at once
 * @param operations the most operations the clients make, final reads aside
 * @param maxDuration the longest the clients run; they stop at whichever limit comes first
 * @param seed the seed of every random choice of the clients (their interleaving is the machine's)
 * @param runs how many runs the operations share
 * @param suppliedIdsPerRun how many ids of each run are supplied by the clients, created, deleted and created again
 * @param logsPerRun how many logs a run holds at most before creates give way to deletes
 * @param raceWrites whether any client may write any id; when false each id is created, updated and deleted by one
 *     client only, for a server whose conditional writes are not atomic (S3Mock): reads of every id still race them
 */
public record HistoryPlan(
        int clients,
        long operations,
        Duration maxDuration,
        long seed,
        int runs,
        int suppliedIdsPerRun,
        int logsPerRun,
        boolean raceWrites) {

    /** The system property of {@link #operations}, 3,000 by default. */
    public static final String OPERATIONS = "codelog.history.operations";

    /** The system property of {@link #maxDuration} in seconds, 6 by default. */
    public static final String MAX_SECONDS = "codelog.history.max-seconds";

    /** The system property of {@link #clients}, 16 by default. */
    public static final String CLIENTS = "codelog.history.clients";

    /** The system property of {@link #seed}, random by default. */
    public static final String SEED = "codelog.history.seed";

    /** The plan the system properties ask for, with 4 runs of at most 30 logs, 6 supplied ids each. */
    public static HistoryPlan fromSystemProperties() {
        return new HistoryPlan(
                Integer.getInteger(CLIENTS, 16),
                Long.getLong(OPERATIONS, 3_000),
                Duration.ofSeconds(Long.getLong(MAX_SECONDS, 6)),
                Long.getLong(SEED, ThreadLocalRandom.current().nextLong()),
                4,
                6,
                30,
                true);
    }

    /** This plan with ids written by every client, or each by one client only. */
    public HistoryPlan withRaceWrites(boolean race) {
        return new HistoryPlan(clients, operations, maxDuration, seed, runs, suppliedIdsPerRun, logsPerRun, race);
    }

    /** Whether this client may write this id. */
    boolean mayWrite(int client, String id) {
        return raceWrites || Math.floorMod(id.hashCode(), clients) == client;
    }
}
