package io.codelog.migration;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.ConditionalCopyTarget;
import io.codelog.core.StoredVersion;
import java.util.Optional;

/**
 * Makes one log of the secondary store what the primary holds, without undoing a write made meanwhile. A round
 * reads the secondary's copy with its version and writes against that version only ({@link
 * ConditionalCopyTarget}): the primary's log over it, or a delete of it when the primary has none. A copy whose
 * {@code updatedAt} is later than the primary's is a later write (another writer, e.g. a service that already has
 * the other store as its primary) and is never overwritten. After every write the primary is read again: a change
 * since it was read (an update, or a delete whose copy was a no-op because the secondary lacked the log) starts
 * another round, which acts on the new state, so a deleted log is never brought back. Rounds are bounded.
 *
 * <p>Costs of a round that writes: 2 reads of the primary (1 find in MongoDB, 2 GETs in S3 with pointers), 1 read of
 * the copy where the log belongs (1 find; 1 GET of the log's key) or, when the primary has no log, where the store
 * finds the id (1 find; the pointer GET and 1 GET, or the store's search when there is no pointer), then 1
 * conditional write (1 round trip; 1 PUT and, once it succeeded, 1 PUT of the pointer) or delete (1 round trip; 1
 * HEAD and 1 DeleteObjects). A copy already equal costs 1 read of the primary and 1 of the copy.
 */
final class LogRepair {

    /** How many rounds one log gets before it is left for the next run. */
    static final int MAX_ROUNDS = 5;

    /** What the repair of one log did. */
    enum Outcome {
        /** The primary's log was written over the copy (or where there was none). */
        COPIED,
        /** The copy was deleted: the primary has no log of this id. */
        DELETED,
        /** The secondary already held what the primary holds; nothing was written. */
        ALREADY_REPAIRED,
        /** The copy is a later write than the primary's log (by {@code updatedAt}) and was left as it is. */
        NEWER_IN_SECONDARY,
        /** The log changed in every round; it is left for the next run. */
        STILL_CHANGING
    }

    private final CodeLogRepository primary;
    private final ConditionalCopyTarget secondary;

    LogRepair(CodeLogRepository primary, ConditionalCopyTarget secondary) {
        this.primary = primary;
        this.secondary = secondary;
    }

    /**
     * Repairs the log, as described on the class.
     *
     * @throws io.codelog.core.CodeLogException when a store fails, or the primary's log is unreadable
     */
    Outcome repair(String logId) {
        Optional<CodeLog> source = primary.findById(logId);
        Outcome done = Outcome.ALREADY_REPAIRED;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            StoredVersion copy =
                    source.isPresent() ? secondary.readVersion(source.get()) : secondary.readVersion(logId);
            if (source.isEmpty() ? !copy.exists() : source.get().equals(copy.log())) {
                return done;
            }
            if (source.isPresent() && laterThan(copy, source.get())) {
                Optional<CodeLog> again = primary.findById(logId);
                if (again.equals(source)) {
                    return Outcome.NEWER_IN_SECONDARY;
                }
                source = again;
                continue;
            }
            boolean written = source.isPresent()
                    ? secondary.putIfUnchanged(source.get(), copy)
                    : secondary.deleteIfUnchanged(copy);
            if (written) {
                done = source.isPresent() ? Outcome.COPIED : Outcome.DELETED;
            }
            Optional<CodeLog> again = primary.findById(logId);
            if (written && again.equals(source)) {
                return done;
            }
            source = again;
        }
        return Outcome.STILL_CHANGING;
    }

    private static boolean laterThan(StoredVersion copy, CodeLog source) {
        return copy.log() != null && copy.log().updatedAt().isAfter(source.updatedAt());
    }
}
