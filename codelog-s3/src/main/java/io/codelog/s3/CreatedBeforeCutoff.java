package io.codelog.s3;

import io.codelog.core.CodeLogIds;
import io.codelog.core.CodeLogTimestamps;
import io.codelog.core.MalformedCodeLogException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which logs on the two days around a cutoff were created before it: from the ObjectId's seconds when
 * they settle it, else from the {@code created-at} metadata (1 HEAD), else from the body (1 GET). Requests
 * run in parallel.
 */
final class CreatedBeforeCutoff {

    private final S3Calls calls;
    private final ParsedObjectReader reader;
    private final LogObjectCodec codec;
    private final RequestPool pool;
    private final UnreadableObjectListener onUnreadable;

    CreatedBeforeCutoff(
            S3Calls calls,
            ParsedObjectReader reader,
            LogObjectCodec codec,
            RequestPool pool,
            UnreadableObjectListener onUnreadable) {
        this.calls = calls;
        this.reader = reader;
        this.codec = codec;
        this.pool = pool;
        this.onUnreadable = onUnreadable;
    }

    /** The keys, in their order, whose logs were created before the cutoff. */
    List<LogKey> filter(String operation, List<LogKey> keys, Instant cutoff) {
        List<Boolean> older = pool.map(operation, keys, key -> isOlder(operation, key, cutoff));
        List<LogKey> result = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (older.get(i)) {
                result.add(keys.get(i));
            }
        }
        return result;
    }

    private boolean isOlder(String operation, LogKey key, Instant cutoff) {
        Optional<Instant> idTime = CodeLogIds.objectIdTime(key.logId());
        // An ObjectId settles it only when its date fits the key's: a supplied id may be from any time.
        if (idTime.isPresent() && isNear(DayWindows.utcDay(idTime.get()), key.day())) {
            long seconds = idTime.get().getEpochSecond();
            if (seconds != cutoff.getEpochSecond()) {
                return seconds < cutoff.getEpochSecond();
            }
        }
        Optional<Map<String, String>> metadata = calls.headMetadata(operation, key.key());
        if (metadata.isEmpty()) {
            return false;
        }
        Optional<Instant> created = settlingMetadata(metadata.get(), cutoff);
        if (created.isPresent()) {
            return created.get().isBefore(cutoff);
        }
        return createdFromBody(operation, key)
                .map(time -> time.isBefore(cutoff))
                .orElse(false);
    }

    private static boolean isNear(LocalDate idDay, LocalDate keyDay) {
        return !idDay.isBefore(keyDay.minusDays(1)) && !idDay.isAfter(keyDay.plusDays(1));
    }

    // The Go service writes created-at without fractions: a whole second equal to the cutoff's settles nothing.
    private static Optional<Instant> settlingMetadata(Map<String, String> metadata, Instant cutoff) {
        String text = metadata.get(LogObjectCodec.META_CREATED_AT);
        if (text == null) {
            return Optional.empty();
        }
        Instant created;
        try {
            created = CodeLogTimestamps.parse(LogObjectCodec.META_CREATED_AT, text);
        } catch (MalformedCodeLogException e) {
            return Optional.empty();
        }
        if (created == null
                || (created.getNano() == 0
                        && created.getEpochSecond() == cutoff.getEpochSecond()
                        && cutoff.getNano() != 0)) {
            return Optional.empty();
        }
        return Optional.of(created);
    }

    private Optional<Instant> createdFromBody(String operation, LogKey key) {
        try {
            return reader.read(operation, key.key(), object -> codec.decode(key, object))
                    .map(parsed -> parsed.value().createdAt());
        } catch (MalformedCodeLogException e) {
            onUnreadable.onUnreadable(key.key(), e.reason() + "; not deleted by deleteOlder");
            return Optional.empty();
        }
    }
}
