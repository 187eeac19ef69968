package io.codelog.bench;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogJson;
import io.codelog.core.CodeLogOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The Go service's request pattern, re-implemented with plain SDK calls on codelog's key layout
 * ({@code logs/yyyy/MM/dd/run/code/id.json}, no prefix) for the latency section: see {@link GoRequestCosts}
 * for the algorithm. Day prefixes are listed one after the other; the GETs of a listing run on the pool given,
 * at the same parallelism codelog uses, which is generous to the Go pattern.
 */
final class GoAlgorithm {

    private final S3Client client;
    private final String bucket;
    private final LocalDate today;
    private final ReadThreads getPool;
    private final CodeLogJson json = new CodeLogJson();

    GoAlgorithm(S3Client client, String bucket, LocalDate today, ReadThreads getPool) {
        this.client = client;
        this.bucket = bucket;
        this.today = today;
        this.getPool = getPool;
    }

    /** GetByID: whole day prefixes from today back, until one holds the id; then GETs it. */
    Optional<CodeLog> getById(String id) {
        String suffix = "/" + id + ".json";
        for (int back = 0; back < GoRequestCosts.GET_BY_ID_DAYS; back++) {
            for (S3Object object : listDay(today.minusDays(back))) {
                if (object.key().endsWith(suffix)) {
                    return Optional.of(get(object.key()));
                }
            }
        }
        return Optional.empty();
    }

    /** ListRunLogs: lists the last week's day prefixes, GETs every log of the run, sorts, returns one page. */
    List<CodeLog> listRunLogs(String runId, int limit, int page) {
        String runSegment = "/" + runId + "/";
        List<Future<CodeLog>> reads = new ArrayList<>();
        for (int back = 0; back < GoRequestCosts.LIST_RUN_LOGS_DAYS; back++) {
            for (S3Object object : listDay(today.minusDays(back))) {
                if (object.key().contains(runSegment)) {
                    reads.add(getPool.submit(() -> get(object.key())));
                }
            }
        }
        List<CodeLog> logs = new ArrayList<>(reads.size());
        for (Future<CodeLog> read : reads) {
            logs.add(RawS3Baseline.await(read));
        }
        logs.sort(CodeLogOrder.OLDEST_FIRST);
        int from = Math.min(logs.size(), (page - 1) * limit);
        return logs.subList(from, Math.min(logs.size(), from + limit));
    }

    private List<S3Object> listDay(LocalDate day) {
        String prefix = String.format("logs/%04d/%02d/%02d/", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        return client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .toList();
    }

    private CodeLog get(String key) {
        return json.read(
                client.getObjectAsBytes(request -> request.bucket(bucket).key(key))
                        .asByteArray());
    }
}
