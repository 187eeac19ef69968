package io.codelog.migration;

import io.codelog.core.CodeLog;
import io.codelog.core.MalformedCodeLogException;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3IdIndex;
import io.codelog.s3.S3ObjectFormat;
import io.codelog.s3.ServerSideEncryption;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Copies logs into the S3 store through {@link S3CodeLogRepository#put}, so that a migrated log has exactly the
 * key, body, metadata and id index entry of any other: a pointer object, an entry in the external index (e.g. the
 * MongoDB collection of {@code codelog.s3.id-index=mongo}), or none, as the settings choose.
 *
 * <p>{@link #checker} is exact without reading bodies: it compares the ETag of the log's key with the MD5 of the
 * body the store would write, then checks the log's id index entry: the pointer's ETag the same way, or the
 * external entry's location. A single-part PUT's ETag is the MD5 of its bytes without encryption and with SSE-S3;
 * with SSE-KMS (or an ETag that is not an MD5) it GETs and compares the bytes instead. Equal bytes mean an equal
 * log; different bytes (e.g. a log written by the Go service with other JSON spacing) are rewritten in the store's
 * encoding, which is harmless. A log present without its entry (copied while another id index was configured) is
 * copied again, which writes the entry. User metadata is not compared: the store derives it from the body's
 * fields. The log's ETag comes from one listing of its day per pass (1 LIST per 1,000 keys), so per log: missing 0
 * requests, present 1 HEAD of the pointer (1 MongoDB find with the external index, 0 without an index); days over
 * 100,000 keys 1 HEAD more; GETs instead under SSE-KMS. A write costs 2 PUTs with pointers, 1 PUT + 1 MongoDB
 * upsert with the external index, 1 PUT without an index; {@link #read} the store's findById (2 GETs, 1 find +
 * 1 GET, or 1 GET after a search); {@link #checkLive}, before a source is deleted, 1 GET within the store's byte
 * cap.
 */
final class S3LogTarget implements LogTarget {

    private final S3CodeLogRepository repository;
    private final S3Requests requests;
    private final S3ObjectFormat format;
    private final S3IdIndex idIndex;
    private final boolean eTagIsMd5;

    /**
     * @param client the client the repository uses
     * @param settings the repository's settings: bucket, prefix, gzip, encryption and id index (the repository's
     *     own, so that the checker sees the index it writes)
     * @param repository the store logs are written to
     */
    S3LogTarget(S3Client client, S3CodeLogSettings settings, S3CodeLogRepository repository) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(settings, "settings");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.requests = new S3Requests(client, settings.bucket());
        this.format = new S3ObjectFormat(settings);
        this.idIndex = settings.idIndex();
        this.eTagIsMd5 = settings.encryption().mode() != ServerSideEncryption.Mode.KMS;
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public TargetChecker checker(RequestGate gate) {
        return new S3TargetChecker(requests, format, idIndex, eTagIsMd5, gate);
    }

    @Override
    public void write(CodeLog log, RequestGate gate) {
        acquire(gate, writeCost());
        repository.put(log);
    }

    /** The PUTs of the log and its pointer, or 1 PUT and the upsert of its external entry. */
    @Override
    public RequestCounts writeCost() {
        RequestCounts puts = RequestCounts.of(RequestKind.S3_PUT, idIndex.putsPerWrite());
        return idIndex.kind() == S3IdIndex.Kind.EXTERNAL ? puts.plus(RequestCounts.of(RequestKind.MONGO, 1)) : puts;
    }

    /** The bytes stored in the bucket: the log's object, and its pointer with pointers. */
    @Override
    public long storedBytes(CodeLog log) {
        long bytes = format.logBody(log).length;
        return idIndex.writesPointers() ? bytes + format.indexBody(log).length : bytes;
    }

    @Override
    public Optional<CodeLog> read(String id, RequestGate gate) {
        acquire(gate, readCost());
        return repository.findById(id);
    }

    private RequestCounts readCost() {
        return switch (idIndex.kind()) {
            case POINTERS -> RequestCounts.of(RequestKind.S3_GET, 2);
            case EXTERNAL -> RequestCounts.of(RequestKind.S3_GET, 1).plus(RequestCounts.of(RequestKind.MONGO, 1));
            case NONE -> RequestCounts.of(RequestKind.S3_GET, 1);
        };
    }

    /**
     * 1 GET of the log's key, read as the store reads it: no more than the store's byte cap ({@link
     * S3ObjectFormat#maxObjectBytes()}; a larger object is not downloaded and fails), decoded as the store decodes,
     * then compared by the hash of the canonical JSON. The id index entry is not read again: the checker read it
     * with a request of its own moments before, not from the pass's listing.
     */
    @Override
    public LiveCheck checkLive(CodeLog log, RequestGate gate) {
        Optional<S3Requests.Body> body;
        try {
            body = requests.getAtMost("migration.checkLive", format.logKey(log), format.maxObjectBytes(), gate);
        } catch (MalformedCodeLogException tooLarge) {
            return LiveCheck.unreadable(tooLarge.reason());
        }
        if (body.isEmpty()) {
            return LiveCheck.missing();
        }
        CodeLog stored;
        try {
            stored = format.readLog(body.get().bytes(), body.get().contentEncoding());
        } catch (MalformedCodeLogException e) {
            return LiveCheck.unreadable(e.reason());
        }
        return LogHash.same(log, stored)
                ? LiveCheck.passed()
                : LiveCheck.different(LogHash.differingFields(log, stored));
    }

    private static void acquire(RequestGate gate, RequestCounts requests) {
        requests.byKind().forEach((kind, count) -> {
            for (long i = 0; i < count; i++) {
                gate.acquire(kind);
            }
        });
    }
}
