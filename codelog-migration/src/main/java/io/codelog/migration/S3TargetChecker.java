package io.codelog.migration;

import io.codelog.core.CodeLog;
import io.codelog.s3.S3IdIndex;
import io.codelog.s3.S3ObjectFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Checks logs against the S3 store for one pass. The first log of a day lists that day's prefix once (1 LIST per
 * 1,000 keys, up to {@value #MAX_KEYS_PER_DAY} keys) and compares ETags from that listing; a day over the cap,
 * or an ETag that is not an MD5, is checked with a HEAD of the key instead. A log that is present then has its
 * id index entry checked: its pointer with one HEAD, or its external entry with one lookup, which must name the
 * log's key. The listing is as old as the pass, which is why each pass makes a new
 * checker. The three most recent days are kept.
 */
final class S3TargetChecker implements TargetChecker {

    static final int MAX_KEYS_PER_DAY = 100_000;

    private static final String HEX_MD5 = "[0-9a-f]{32}";
    private static final int DAYS_KEPT = 3;
    private static final int LIST_PAGE = 1_000;

    private final S3Requests requests;
    private final S3ObjectFormat format;
    private final S3IdIndex idIndex;
    private final boolean eTagIsMd5;
    private final RequestGate gate;
    private final Map<LocalDate, CompletableFuture<DayETags>> days = new ConcurrentHashMap<>();

    S3TargetChecker(
            S3Requests requests, S3ObjectFormat format, S3IdIndex idIndex, boolean eTagIsMd5, RequestGate gate) {
        this.requests = requests;
        this.format = format;
        this.idIndex = idIndex;
        this.eTagIsMd5 = eTagIsMd5;
        this.gate = gate;
    }

    @Override
    public TargetCopy check(CodeLog log) {
        String key = format.logKey(log);
        byte[] body = format.logBody(log);
        TargetCopy stored = eTagIsMd5 ? fromListing(log, key, body) : null;
        if (stored == null) {
            stored = compare(key, body);
        }
        if (stored != TargetCopy.IDENTICAL) {
            return stored;
        }
        return switch (idIndex.kind()) {
            case NONE -> stored;
            case POINTERS ->
                compare(format.indexKey(log.id()), format.indexBody(log)) == TargetCopy.IDENTICAL
                        ? TargetCopy.IDENTICAL
                        : TargetCopy.DIFFERENT;
            case EXTERNAL -> externalEntryNames(log.id(), key) ? TargetCopy.IDENTICAL : TargetCopy.DIFFERENT;
        };
    }

    private boolean externalEntryNames(String id, String key) {
        gate.acquire(RequestKind.MONGO);
        return idIndex.external()
                .find(id)
                .filter(entry -> entry.location().equals(key))
                .isPresent();
    }

    /** The copy the day's listing shows, or null when it cannot say. */
    private @Nullable TargetCopy fromListing(CodeLog log, String key, byte[] body) {
        return switch (day(LocalDate.ofInstant(log.createdAt(), ZoneOffset.UTC)).lookup(key, PlainETag.of(body))) {
            case ABSENT -> TargetCopy.MISSING;
            case SAME -> TargetCopy.IDENTICAL;
            case OTHER -> TargetCopy.DIFFERENT;
            case UNKNOWN -> null;
        };
    }

    private DayETags day(LocalDate day) {
        CompletableFuture<DayETags> mine = new CompletableFuture<>();
        CompletableFuture<DayETags> listing = days.putIfAbsent(day, mine);
        if (listing == null) {
            forgetOldDays(day);
            try {
                mine.complete(list(day));
            } catch (RuntimeException e) {
                days.remove(day, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            return mine.join();
        }
        try {
            return listing.get();
        } catch (ExecutionException e) {
            return DayETags.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while another thread listed the target's day " + day, e);
        }
    }

    private DayETags list(LocalDate day) {
        String prefix = format.dayPrefix(day, false);
        DayETags.Builder etags = new DayETags.Builder(MAX_KEYS_PER_DAY);
        String token = null;
        do {
            ListObjectsV2Response page = requests.list("migration.check", prefix, null, token, LIST_PAGE, gate);
            for (S3Object object : page.contents()) {
                if (!etags.add(object.key(), S3Requests.unquote(object.eTag()))) {
                    return DayETags.UNKNOWN;
                }
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return etags.build();
    }

    private void forgetOldDays(LocalDate newest) {
        if (days.size() > DAYS_KEPT) {
            days.keySet().stream()
                    .sorted()
                    .limit(days.size() - DAYS_KEPT)
                    .filter(day -> !day.equals(newest))
                    .forEach(days::remove);
        }
    }

    private TargetCopy compare(String key, byte[] expected) {
        if (eTagIsMd5) {
            Optional<String> eTag = requests.headETag("migration.check", key, gate);
            if (eTag.isEmpty()) {
                return TargetCopy.MISSING;
            }
            if (eTag.get().matches(HEX_MD5)) {
                return eTag.get().equals(PlainETag.of(expected)) ? TargetCopy.IDENTICAL : TargetCopy.DIFFERENT;
            }
        }
        Optional<S3Requests.Body> body = requests.get("migration.check", key, gate);
        if (body.isEmpty()) {
            return TargetCopy.MISSING;
        }
        return Arrays.equals(body.get().bytes(), expected) ? TargetCopy.IDENTICAL : TargetCopy.DIFFERENT;
    }
}
