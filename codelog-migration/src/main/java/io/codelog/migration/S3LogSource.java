package io.codelog.migration;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.MalformedCodeLogException;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3IdIndex;
import io.codelog.s3.S3ObjectFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads the S3 store day by day for a rollback: each day prefix {@code {prefix}/logs/yyyy/MM/dd/} (and the
 * legacy root's, when the settings read it) is listed in key order with ListObjectsV2, and each listed object is
 * read with one GET of its key and decoded as the store decodes it (plain or gzip JSON whose ids match the key).
 * Costs: 1 LIST per 1,000 keys of each day (empty days included) and 1 GET per log; a conditional delete 1 HEAD
 * and 1 DeleteObjects. Reading the listed key directly, rather than through {@code findById} (2 GETs), reads
 * exactly the object listed, also when it has no id index pointer.
 */
final class S3LogSource implements LogSource {

    private static final int MAX_LIST_KEYS = 1_000;

    private final S3CodeLogRepository repository;
    private final S3Requests requests;
    private final S3ObjectFormat format;
    private final boolean readLegacyPath;
    private final S3IdIndex idIndex;

    /**
     * @param client the client the repository uses
     * @param settings the repository's settings: bucket, prefix and whether the legacy root is read
     * @param repository the store, for reads by id
     */
    S3LogSource(S3Client client, S3CodeLogSettings settings, S3CodeLogRepository repository) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(settings, "settings");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.requests = new S3Requests(client, settings.bucket());
        this.format = new S3ObjectFormat(settings);
        this.readLegacyPath = settings.readLegacyPath();
        this.idIndex = settings.idIndex();
    }

    @Override
    public String name() {
        return "s3";
    }

    /** One partition per day; S3 has no undated logs (every key carries a day). */
    @Override
    public List<String> partitions(LocalDate from, LocalDate toExclusive, boolean includeUndated) {
        return DayRange.days(from, toExclusive);
    }

    /** Lists the day's keys in order, the standard root first; a position is the last key listed. */
    @Override
    public SourceCursor open(String partition, @Nullable String resumeAfter, int batchSize, RequestGate gate) {
        LocalDate day = DayRange.of(partition).day();
        List<String> prefixes = new ArrayList<>(2);
        prefixes.add(format.dayPrefix(day, false));
        if (readLegacyPath) {
            prefixes.add(format.dayPrefix(day, true));
        }
        if (resumeAfter != null && prefixes.size() == 2 && resumeAfter.startsWith(prefixes.get(1))) {
            prefixes.remove(0);
        }
        return new S3DayListing(requests, partition, prefixes, resumeAfter, Math.min(batchSize, MAX_LIST_KEYS), gate);
    }

    /** One GET of the listed key. */
    @Override
    public SourceLog read(SourceEntry entry, RequestGate gate) {
        String key = entry.sourceKey();
        Optional<S3ObjectFormat.ParsedKey> ids = format.parse(key);
        if (ids.isEmpty()) {
            return SourceLog.unreadable(entry, "the key is not {day}/{run_id}/{code_id}/{id}.json with valid ids");
        }
        Optional<S3Requests.Body> body = requests.get("migration.read", key, gate);
        if (body.isEmpty()) {
            return SourceLog.unreadable(entry, "the object was deleted after it was listed");
        }
        CodeLog log;
        try {
            log = format.readLog(body.get().bytes(), body.get().contentEncoding());
        } catch (MalformedCodeLogException e) {
            return SourceLog.unreadable(entry, e.reason());
        }
        S3ObjectFormat.ParsedKey expected = ids.get();
        if (!log.id().equals(expected.logId())
                || !log.runId().equals(expected.runId())
                || !log.codeId().equals(expected.codeId())) {
            return SourceLog.unreadable(entry, "the ids in the body do not match the ids in the key");
        }
        return SourceLog.readable(entry, log);
    }

    /**
     * Deletes the object (and its id index pointer when the object sits at the store's own key for the log) if
     * its ETag is still the one listed: 1 HEAD + 1 DeleteObjects, then, with an external id index, the log's entry
     * there (1 delete), so that no entry is left naming an object that is gone. S3 has no conditional delete here,
     * so a write between the HEAD and the delete is lost; run it when writers no longer write to this store.
     */
    @Override
    public boolean deleteIfUnchanged(SourceLog read, RequestGate gate) {
        String key = read.entry().sourceKey();
        Optional<String> eTag = requests.headETag("migration.deleteSource", key, gate);
        if (eTag.isEmpty() || !eTag.get().equals(read.entry().origin())) {
            return false;
        }
        boolean storesOwnKey = key.equals(format.logKey(read.log()));
        List<String> doomed = new ArrayList<>(2);
        doomed.add(key);
        if (storesOwnKey && idIndex.writesPointers()) {
            doomed.add(format.indexKey(read.log().id()));
        }
        requests.delete("migration.deleteSource", doomed, gate);
        if (storesOwnKey && idIndex.kind() == S3IdIndex.Kind.EXTERNAL) {
            gate.acquire(RequestKind.MONGO);
            idIndex.external().delete(List.of(read.log().id()));
        }
        return true;
    }

    @Override
    public CodeLogRepository repository() {
        return repository;
    }
}
