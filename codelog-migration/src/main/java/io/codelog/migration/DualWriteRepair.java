package io.codelog.migration;

import io.codelog.core.CodeLogException;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.ConditionalCopyTarget;
import io.codelog.core.DualWriteFailure;
import io.codelog.mongo.MongoDualWriteFailureLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs the secondary store after dual-write copies failed, from the failures recorded in MongoDB: each
 * recorded log is made in the secondary what it is in the primary now, written verbatim (same id and timestamps)
 * when the primary has it, deleted from the secondary when it does not. A record is removed once its log is
 * repaired and kept when the repair fails, so a later run retries it. Records are read oldest first in batches;
 * the records of one log in a batch cost one repair, which reads the primary after all of them were recorded.
 *
 * <p>The service may write the same log while the repair runs. Every write of the repair is therefore conditional
 * on the secondary's copy as the repair read it ({@link ConditionalCopyTarget}), a copy whose {@code updatedAt} is
 * later than the primary's is left as it is, and the primary is read again after every write, so that a later
 * write is never undone and a deleted log never comes back (see {@link LogRepair}, which also gives the costs).
 *
 * <p>Records of {@code deleteOlder} name no log: they are removed and counted, not replayed, because the
 * retention cleaner runs {@code deleteOlder} on both stores every day and so removes what the secondary missed.
 *
 * <p>A run stops when no record is left to try, or after a batch in which every repair failed, so that a
 * secondary that is still down does not keep the run spinning. Records added while it runs (dual write still on)
 * are repaired in the same run when they are read. Not thread-safe: run one repair at a time.
 */
public final class DualWriteRepair {

    /** How many failure records one batch reads. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(DualWriteRepair.class);

    private final LogRepair logRepair;
    private final MongoDualWriteFailureLog failures;
    private final int batchSize;

    /**
     * @param primary the store whose logs are right: the dual write's primary
     * @param secondary the store that missed copies (the MongoDB or S3 store, which copy conditionally)
     * @param failures where the dual write recorded them
     */
    public DualWriteRepair(
            CodeLogRepository primary, ConditionalCopyTarget secondary, MongoDualWriteFailureLog failures) {
        this(primary, secondary, failures, DEFAULT_BATCH_SIZE);
    }

    DualWriteRepair(
            CodeLogRepository primary,
            ConditionalCopyTarget secondary,
            MongoDualWriteFailureLog failures,
            int batchSize) {
        this.logRepair = new LogRepair(
                Objects.requireNonNull(primary, "primary"), Objects.requireNonNull(secondary, "secondary"));
        this.failures = Objects.requireNonNull(failures, "failures");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be 1 or more, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /**
     * Repairs every recorded failure it can, as described on the class.
     *
     * @return what was repaired, kept and removed
     * @throws io.codelog.core.CodeLogStorageException when the failure records themselves cannot be read or
     *     removed; what was repaired stays repaired, and a record not yet removed is repaired again next run
     */
    public DualWriteRepairReport run() {
        Tally tally = new Tally();
        KeptRecords kept = new KeptRecords();
        while (true) {
            List<DualWriteFailure> batch = kept.withoutKept(failures.oldest(kept.size() + batchSize));
            if (batch.isEmpty()) {
                break;
            }
            BatchOutcome outcome = repairBatch(batch, tally, kept);
            if (outcome.attempted() > 0 && outcome.succeeded() == 0) {
                LOG.warn(
                        "Dual-write repair stopped: all {} repairs of a batch failed; run it again once the stores"
                                + " answer",
                        outcome.attempted());
                break;
            }
        }
        DualWriteRepairReport report = tally.report();
        LOG.info(
                "Dual-write repair: {} failure records, {} logs copied, {} deleted from the secondary, {} already"
                        + " repaired, {} left newer in the secondary, {} still failing, {} range operations removed",
                report.failures(),
                report.copied(),
                report.deletedFromSecondary(),
                report.alreadyRepaired(),
                report.newerInSecondary(),
                report.stillFailing(),
                report.rangeOperations());
        return report;
    }

    private BatchOutcome repairBatch(List<DualWriteFailure> batch, Tally tally, KeptRecords kept) {
        Map<String, List<DualWriteFailure>> byLog = new LinkedHashMap<>();
        for (DualWriteFailure failure : batch) {
            tally.failures++;
            if (failure.logId() == null) {
                failures.remove(failure);
                tally.rangeOperations++;
            } else {
                byLog.computeIfAbsent(failure.logId(), id -> new ArrayList<>()).add(failure);
            }
        }
        int succeeded = 0;
        for (Map.Entry<String, List<DualWriteFailure>> log : byLog.entrySet()) {
            if (repair(log.getKey(), log.getValue(), tally)) {
                succeeded++;
                log.getValue().forEach(failures::remove);
            } else {
                tally.stillFailing += log.getValue().size();
                log.getValue().forEach(kept::add);
            }
        }
        return new BatchOutcome(byLog.size(), succeeded);
    }

    private boolean repair(String logId, List<DualWriteFailure> records, Tally tally) {
        LogRepair.Outcome outcome;
        try {
            outcome = logRepair.repair(logId);
        } catch (CodeLogException e) {
            // Storage failures, and a log the primary cannot read: the records stay for the next run.
            warnKept(logId, records, e.getMessage());
            return false;
        }
        switch (outcome) {
            case COPIED -> tally.copied++;
            case DELETED -> tally.deletedFromSecondary++;
            case ALREADY_REPAIRED -> tally.alreadyRepaired++;
            case NEWER_IN_SECONDARY -> {
                tally.newerInSecondary++;
                LOG.warn(
                        "Dual-write repair left log {} as the secondary holds it: its updatedAt is later than the"
                                + " primary's, so it is a later write (codelog verify shows the difference)",
                        logId);
            }
            case STILL_CHANGING -> {
                warnKept(logId, records, "it changed in each of " + LogRepair.MAX_ROUNDS + " rounds of its repair");
                return false;
            }
        }
        return true;
    }

    private static void warnKept(String logId, List<DualWriteFailure> records, String why) {
        LOG.warn(
                "Dual-write repair of log {} ({} records, last {}) failed, kept for the next run: {}",
                logId,
                records.size(),
                records.get(records.size() - 1).operation(),
                why);
    }

    /** How many repairs a batch tried and how many worked. */
    private record BatchOutcome(int attempted, int succeeded) {}

    /** The running counts of a run. */
    private static final class Tally {
        private long failures;
        private long copied;
        private long deletedFromSecondary;
        private long stillFailing;
        private long rangeOperations;
        private long alreadyRepaired;
        private long newerInSecondary;

        DualWriteRepairReport report() {
            return new DualWriteRepairReport(
                    failures,
                    copied,
                    deletedFromSecondary,
                    stillFailing,
                    rangeOperations,
                    alreadyRepaired,
                    newerInSecondary);
        }
    }

    /**
     * The records this run kept because their repair failed. They stay the oldest records, so each batch reads
     * past them; equal records are counted, since the log may hold the same failure twice.
     */
    private static final class KeptRecords {
        private final Map<DualWriteFailure, Integer> counts = new HashMap<>();
        private int size;

        void add(DualWriteFailure failure) {
            counts.merge(failure, 1, Integer::sum);
            size++;
        }

        int size() {
            return size;
        }

        List<DualWriteFailure> withoutKept(List<DualWriteFailure> read) {
            Map<DualWriteFailure, Integer> toSkip = new HashMap<>(counts);
            List<DualWriteFailure> fresh = new ArrayList<>(read.size());
            for (DualWriteFailure failure : read) {
                Integer skip = toSkip.get(failure);
                if (skip != null && skip > 0) {
                    toSkip.put(failure, skip - 1);
                } else {
                    fresh.add(failure);
                }
            }
            return fresh;
        }
    }
}
