package io.codelog.bench;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogJson;
import io.codelog.core.CodeLogTimestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.bson.types.ObjectId;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The baseline of the side-by-side section: the same objects codelog writes (the Go layout, the same JSON body
 * and metadata), written and read with plain SDK v2 calls and no checks, under {@code raw/} in the same bucket.
 */
final class RawS3Baseline {

    private static final String ROOT = "raw/";

    private final S3Client client;
    private final String bucket;
    private final CodeLogJson json = new CodeLogJson();

    RawS3Baseline(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /** The key of a log: {@code raw/logs/yyyy/MM/dd/run/code/id.json}, dated by UTC createdAt. */
    static String logKey(CodeLog log) {
        return runPrefix(LocalDate.ofInstant(log.createdAt(), ZoneOffset.UTC), log.runId()) + log.codeId() + "/"
                + log.id() + ".json";
    }

    /** The prefix of a run's logs of one day. */
    static String runPrefix(LocalDate day, String runId) {
        return String.format(
                "%slogs/%04d/%02d/%02d/%s/", ROOT, day.getYear(), day.getMonthValue(), day.getDayOfMonth(), runId);
    }

    /** The key of a log's id pointer. */
    static String pointerKey(String id) {
        return ROOT + "index/" + id + ".json";
    }

    /** The payload as a raw writer stores it: a new ObjectId, created and updated now. */
    static CodeLog newLog(CodeLog payload) {
        Instant now = Instant.now();
        return new CodeLog(
                new ObjectId().toHexString(),
                payload.runId(),
                payload.codeId(),
                payload.type(),
                payload.content(),
                now,
                now);
    }

    /** The payload stored as a new log with its id pointer: 2 PutObjects, as codelog's create with the index. */
    CodeLog createWithPointer(CodeLog payload) {
        CodeLog log = newLog(payload);
        putPointer(putLog(log), log);
        return log;
    }

    /** One PutObject of the log's JSON body with codelog's metadata; returns the key. */
    String putLog(CodeLog log) {
        String key = logKey(log);
        client.putObject(
                request -> request.bucket(bucket)
                        .key(key)
                        .contentType("application/json")
                        .metadata(Map.of(
                                "run-id", log.runId(),
                                "code-id", log.codeId(),
                                "log-type", log.type().wireName(),
                                "created-at", CodeLogTimestamps.format(log.createdAt()))),
                RequestBody.fromBytes(json.write(log)));
        return key;
    }

    /** One PutObject of a pointer of the same size as codelog's, naming the log's key. */
    void putPointer(String key, CodeLog log) {
        String pointer = "{\"key\":\"" + key + "\",\"run_id\":\"" + log.runId() + "\",\"code_id\":\"" + log.codeId()
                + "\",\"type\":\"" + log.type().wireName() + "\",\"created_at\":\""
                + CodeLogTimestamps.format(log.createdAt()) + "\"}";
        client.putObject(
                request -> request.bucket(bucket).key(pointerKey(log.id())).contentType("application/json"),
                RequestBody.fromString(pointer, StandardCharsets.UTF_8));
    }

    /** One GetObject of a key, decoded as a log. */
    CodeLog getLog(String key) {
        return json.read(getBytes(key));
    }

    /** Two GetObjects, as codelog's findById through the index: the pointer, then the log it names. */
    CodeLog getThroughPointer(String id) {
        String pointer = new String(getBytes(pointerKey(id)), StandardCharsets.UTF_8);
        int start = pointer.indexOf("\"key\":\"") + 7;
        return getLog(pointer.substring(start, pointer.indexOf('"', start)));
    }

    /**
     * One ListObjectsV2 of the run's day prefix, then the page's GetObjects in parallel on {@code pool}.
     *
     * @return the page, in key order (ObjectIds in creation order)
     */
    List<CodeLog> page(LocalDate day, String runId, int limit, int page, ReadThreads pool) {
        return page(runPrefix(day, runId), limit, page, pool);
    }

    /** One ListObjectsV2 of a prefix, then the GETs of one page of the keys in parallel. */
    List<CodeLog> page(String prefix, int limit, int page, ReadThreads pool) {
        return page(List.of(prefix), limit, page, pool);
    }

    /**
     * One ListObjectsV2 per prefix (one per 1,000 keys), in the order given, then the GETs of one page of all
     * their keys in parallel: a run's page when the prefixes are its day prefixes, oldest day first.
     */
    List<CodeLog> page(List<String> prefixes, int limit, int page, ReadThreads pool) {
        List<S3Object> listed = new ArrayList<>();
        for (String prefix : prefixes) {
            client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                    .contents()
                    .forEach(listed::add);
        }
        int from = Math.min(listed.size(), (page - 1) * limit);
        int to = Math.min(listed.size(), from + limit);
        List<Future<CodeLog>> reads = new ArrayList<>(to - from);
        for (S3Object object : listed.subList(from, to)) {
            reads.add(pool.submit(() -> getLog(object.key())));
        }
        List<CodeLog> logs = new ArrayList<>(reads.size());
        for (Future<CodeLog> read : reads) {
            logs.add(await(read));
        }
        return logs;
    }

    private byte[] getBytes(String key) {
        return client.getObjectAsBytes(request -> request.bucket(bucket).key(key))
                .asByteArray();
    }

    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an S3 request", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an S3 request failed: " + e.getCause(), e.getCause());
        }
    }
}
