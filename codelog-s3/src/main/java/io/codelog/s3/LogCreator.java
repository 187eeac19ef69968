package io.codelog.s3;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogAlreadyExistsException;
import io.codelog.core.MalformedCodeLogException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a log all or nothing, in the time of one PUT: the log's PUT and its id index claim are sent at the same
 * moment, both conditional on the id being new ({@code If-None-Match: *} on the log key, a claim in the index).
 *
 * <p>The log object is what readers see (listings, counts, and lookups through the index), so the create commits
 * when the log's PUT succeeds and its claim holds. When either write fails, the one that succeeded is undone
 * before the failure is thrown: a claimed entry is removed (an entry alone is invisible, but would keep the id
 * from being created again), and a log written by this call is deleted. A log PUT that failed is never followed by
 * a delete of its key, which may hold another writer's log. An existing id raises {@link
 * CodeLogAlreadyExistsException} and changes nothing that was there; a log PUT refused because its own earlier
 * attempt landed (its answer lost, the client retried) is this create's write, and the create stands.
 */
final class LogCreator {

    private static final Logger LOG = LoggerFactory.getLogger(LogCreator.class);
    private static final String OPERATION = "create";

    private final S3Calls calls;
    private final ParsedObjectReader reader;
    private final LogObjectCodec codec;
    private final IdIndex index;
    private final ParallelWrites parallel;

    LogCreator(S3Calls calls, ParsedObjectReader reader, LogObjectCodec codec, IdIndex index, ParallelWrites parallel) {
        this.calls = calls;
        this.reader = reader;
        this.codec = codec;
        this.index = index;
        this.parallel = parallel;
    }

    /** Stores a prepared log at its key, or throws with nothing of it visible. */
    CodeLog create(String key, CodeLog log) {
        LogObjectCodec.Body body = codec.encode(log);
        Future<S3Calls.ConditionalPut> logPut = parallel.start(
                () -> calls.putIfAbsent(OPERATION, key, body.bytes(), body.contentEncoding(), body.metadata()));
        IdIndex.Claim claim = null;
        RuntimeException indexFailure = null;
        try {
            claim = index.claim(OPERATION, key, log);
        } catch (RuntimeException e) {
            indexFailure = e;
        }
        S3Calls.ConditionalPut put;
        try {
            put = parallel.await(OPERATION, logPut);
        } catch (RuntimeException logFailure) {
            if (indexFailure != null) {
                logFailure.addSuppressed(indexFailure);
            } else if (claim == IdIndex.Claim.CLAIMED) {
                undo(logFailure, () -> index.remove(OPERATION, log.id()));
            }
            throw logFailure;
        }
        if (indexFailure != null) {
            if (put.written() == S3Calls.Written.WRITTEN) {
                undo(indexFailure, () -> calls.delete(OPERATION, List.of(key)));
            }
            throw indexFailure;
        }
        if (put.written() != S3Calls.Written.WRITTEN && !holdsThisLog(key, log)) {
            // The key holds another log of this id: an entry this call claimed names that very key, so it is kept.
            throw new CodeLogAlreadyExistsException(log.id());
        }
        if (claim == IdIndex.Claim.TAKEN && !entryNamesThisKeyOrNothing(key, log)) {
            undo(null, () -> calls.delete(OPERATION, List.of(key)));
            throw new CodeLogAlreadyExistsException(log.id());
        }
        return log;
    }

    /**
     * Whether the key holds this very log although its PUT was refused: a PUT whose answer was lost (a reset, a
     * timeout) is sent again by the client and refused because of itself. 1 GET, after a refused PUT only.
     */
    private boolean holdsThisLog(String key, CodeLog log) {
        try {
            return reader.read(OPERATION, key, stored -> codec.decodeBody(stored.bytes(), stored.contentEncoding()))
                    .filter(parsed -> parsed.value().equals(log))
                    .isPresent();
        } catch (MalformedCodeLogException notALog) {
            return false;
        }
    }

    /**
     * Whether this create may stand although the id already had an index entry: the entry names this very key
     * (whose log this call just wrote, so another create of the id lost the race for the key), or it names a log
     * that is gone, in which case this log's entry replaces it.
     */
    private boolean entryNamesThisKeyOrNothing(String key, CodeLog log) {
        Optional<IdIndexEntry> entry = index.find(OPERATION, log.id());
        if (entry.isPresent() && entry.get().key().equals(key)) {
            return true;
        }
        if (entry.isPresent()
                && calls.headMetadata(OPERATION, entry.get().key()).isPresent()) {
            return false;
        }
        index.record(OPERATION, key, log);
        return true;
    }

    private static void undo(@Nullable RuntimeException failure, Runnable compensation) {
        try {
            compensation.run();
        } catch (RuntimeException undoFailure) {
            // The create fails either way; what could not be undone is said, and the caller's failure stands.
            LOG.error("codelog could not undo part of a failed create: {}", undoFailure.getMessage());
            if (failure != null) {
                failure.addSuppressed(undoFailure);
            } else {
                throw undoFailure;
            }
        }
    }
}
