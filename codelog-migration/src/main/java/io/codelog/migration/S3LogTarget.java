package io.codelog.migration;

import io.codelog.core.CodeLog;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3ObjectFormat;
import io.codelog.s3.ServerSideEncryption;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Copies logs into the S3 store through {@link S3CodeLogRepository#put}, so that a migrated log has exactly the
 * key, body, metadata and id index pointer of any other.
 *
 * <p>{@link #checker} is exact without reading bodies: it compares the ETag of the log's key with the MD5 of the
 * body the store would write, then does the same for the id index pointer. A single-part PUT's ETag is the MD5 of
 * its bytes without encryption and with SSE-S3; with SSE-KMS (or an ETag that is not an MD5) it GETs and compares
 * the bytes instead. Equal bytes mean an equal log; different bytes (e.g. a log written by the Go service with
 * other JSON spacing) are rewritten in the store's encoding, which is harmless. User metadata is not compared:
 * the store derives it from the body's fields. The log's ETag comes from one listing of its day per pass (1 LIST
 * per 1,000 keys), so per log: missing 0 requests, present 1 HEAD of the pointer (0 without the id index); days
 * over 100,000 keys 1 HEAD more; GETs instead under SSE-KMS. A write costs 2 PUTs (1 without the id index);
 * {@link #read} the store's findById (2 GETs).
 */
public final class S3LogTarget implements LogTarget {

    private final S3CodeLogRepository repository;
    private final S3Requests requests;
    private final S3ObjectFormat format;
    private final boolean idIndex;
    private final boolean eTagIsMd5;

    /**
     * @param client the client the repository uses
     * @param settings the repository's settings: bucket, prefix, gzip, encryption and id index
     * @param repository the store logs are written to
     */
    public S3LogTarget(S3Client client, S3CodeLogSettings settings, S3CodeLogRepository repository) {
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
        for (int i = 0; i < (idIndex ? 2 : 1); i++) {
            gate.acquire(RequestKind.S3_PUT);
        }
        repository.put(log);
    }

    @Override
    public RequestCounts writeCost() {
        return RequestCounts.of(RequestKind.S3_PUT, idIndex ? 2 : 1);
    }

    @Override
    public long storedBytes(CodeLog log) {
        long bytes = format.logBody(log).length;
        return idIndex ? bytes + format.indexBody(log).length : bytes;
    }

    @Override
    public Optional<CodeLog> read(String id, RequestGate gate) {
        for (int i = 0; i < (idIndex ? 2 : 1); i++) {
            gate.acquire(RequestKind.S3_GET);
        }
        return repository.findById(id);
    }
}
