package io.codelog.core;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Migration by date (the seed's option 3) and the rollback that keeps every log visible: new logs go to the
 * primary store, reads try the primary and then the secondary, and updates and deletes act wherever the log
 * lives. Listings and counts merge both stores, a log present in both appearing once, so pages stay correct
 * across the two.
 *
 * <p>Cost: a create with a supplied id looks the id up in the secondary first. A listing fetches the first {@code
 * page * limit} logs of each store to merge them, reading each store's pages until one comes back empty (a page short
 * of skipped objects is not the end), so a store holding fewer logs costs one empty page more. A count costs one count
 * of each store; when both hold logs of the filter, the ids of both are read too: from S3 keys and a MongoDB
 * projection ({@link RunLogIds}), without reading a log, for the stores codelog ships.
 */
public final class FallbackCodeLogRepository implements CodeLogRepository {

    private final CodeLogRepository primary;
    private final CodeLogRepository secondary;
    private final FallbackListener listener;

    /**
     * @param primary where new logs are written and reads look first
     * @param secondary where reads look when the primary has nothing
     * @param listener told of every read answered by the secondary
     */
    public FallbackCodeLogRepository(
            CodeLogRepository primary, CodeLogRepository secondary, FallbackListener listener) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.secondary = Objects.requireNonNull(secondary, "secondary");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A fallback with no listener. */
    public FallbackCodeLogRepository(CodeLogRepository primary, CodeLogRepository secondary) {
        this(primary, secondary, operation -> {});
    }

    /**
     * Creates the log in the primary. A supplied id that the secondary already holds is refused, as a store refuses an
     * id it holds: a new log must not shadow one not yet moved (1 lookup in the secondary when the id is supplied).
     *
     * @throws CodeLogAlreadyExistsException when either store holds a log with the supplied id
     */
    @Override
    public CodeLog create(CodeLog log) {
        if (log != null && log.id() != null) {
            String id = CodeLogIds.requireValid("id", log.id());
            if (secondary.findById(id).isPresent()) {
                throw new CodeLogAlreadyExistsException(id);
            }
        }
        return primary.create(log);
    }

    @Override
    public CodeLog put(CodeLog log) {
        return primary.put(log);
    }

    @Override
    public Optional<CodeLog> findById(String id) {
        Optional<CodeLog> found = primary.findById(id);
        if (found.isPresent()) {
            return found;
        }
        Optional<CodeLog> fallback = secondary.findById(id);
        fallback.ifPresent(log -> listener.fallbackHit("findById"));
        return fallback;
    }

    @Override
    public List<CodeLog> listRunLogs(@Nullable String runId, @Nullable String codeId, int limit, int page) {
        RunFilter filter = new RunFilter(runId, codeId);
        PageRequest request = new PageRequest(limit, page);
        long wanted = request.offset() + request.limit();
        List<CodeLog> fromPrimary = RunLogPrefix.first(primary, filter, wanted);
        List<CodeLog> fromSecondary = RunLogPrefix.first(secondary, filter, wanted);
        List<CodeLog> merged = RunLogPrefix.mergeDistinct(fromPrimary, fromSecondary);
        int from = (int) Math.min(request.offset(), merged.size());
        int to = (int) Math.min(wanted, merged.size());
        List<CodeLog> pageLogs = List.copyOf(merged.subList(from, to));
        Set<String> primaryIds = RunLogPrefix.ids(fromPrimary);
        if (pageLogs.stream().anyMatch(log -> !primaryIds.contains(log.id()))) {
            listener.fallbackHit("listRunLogs");
        }
        return pageLogs;
    }

    @Override
    public CodeLog update(String id, String content) {
        CodeLog updated = updateIfPresent(primary, id, content);
        CodeLog updatedSecondary = updateIfPresent(secondary, id, content);
        if (updated != null) {
            return updated;
        }
        if (updatedSecondary != null) {
            listener.fallbackHit("update");
            return updatedSecondary;
        }
        throw new CodeLogNotFoundException(id);
    }

    @Override
    public boolean delete(String id) {
        boolean deletedPrimary = primary.delete(id);
        boolean deletedSecondary = secondary.delete(id);
        return deletedPrimary || deletedSecondary;
    }

    /** Deletes from the primary first, then from the secondary up to what is left of the limit. */
    @Override
    public long deleteOlder(Instant cutoff, long limit) {
        CodeLogRules.checkDeleteOlder(cutoff, limit);
        long deleted = primary.deleteOlder(cutoff, limit);
        if (deleted < limit) {
            deleted += secondary.deleteOlder(cutoff, limit - deleted);
        }
        return deleted;
    }

    @Override
    public long count(@Nullable String runId, @Nullable String codeId) {
        RunFilter filter = new RunFilter(runId, codeId);
        long inPrimary = primary.count(filter.runId(), filter.codeId());
        long inSecondary = secondary.count(filter.runId(), filter.codeId());
        if (inPrimary == 0 || inSecondary == 0) {
            return inPrimary + inSecondary;
        }
        if (primary instanceof RunLogIds primaryIds && secondary instanceof RunLogIds secondaryIds) {
            Set<String> ids = new HashSet<>(primaryIds.runLogIds(filter.runId(), filter.codeId()));
            ids.addAll(secondaryIds.runLogIds(filter.runId(), filter.codeId()));
            return ids.size();
        }
        Set<String> ids = RunLogPrefix.ids(RunLogPrefix.first(primary, filter, inPrimary));
        ids.addAll(RunLogPrefix.ids(RunLogPrefix.first(secondary, filter, inSecondary)));
        return ids.size();
    }

    private static @Nullable CodeLog updateIfPresent(CodeLogRepository store, String id, String content) {
        try {
            return store.update(id, content);
        } catch (CodeLogNotFoundException notHere) {
            return null;
        }
    }

    /** Told when a read or write was answered by the secondary store: the measure of how much is left to move. */
    @FunctionalInterface
    public interface FallbackListener {

        /** Called once per operation answered at least in part by the secondary store. */
        void fallbackHit(String operation);
    }
}
