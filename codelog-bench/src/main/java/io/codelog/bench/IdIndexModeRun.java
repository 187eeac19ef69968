package io.codelog.bench;

import static io.codelog.bench.ExpectedResults.require;

import io.codelog.core.CodeLog;
import io.codelog.mongo.MongoCodeLogIdIndex;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3IdIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Measures one value of {@code codelog.s3.id-index} against raw SDK calls: one caller's create and findById through
 * the delaying proxies (alternating call by call with 1 raw PutObject, 1 raw GetObject of a known key), the
 * requests of each, counted; create throughput on the direct clients (paired and rotated as in section 1, the
 * requests of every create counted); the bytes each entry takes; and a deleteOlder of everything written.
 */
final class IdIndexModeRun {

    /** The values of the setting, with what a create sends. */
    enum Mode {
        S3("s3", "log + pointer PUT at once"),
        MONGO("mongo", "PUT + MongoDB insert at once"),
        NONE("none", "1 PUT");

        final String value;
        final String create;

        Mode(String value, String create) {
            this.value = value;
            this.create = create;
        }
    }

    /** What one value of the setting cost. */
    record Figures(
            Mode mode,
            LatencySamples create,
            LatencySamples rawPut,
            IdIndexRequests createRequests,
            LatencySamples lookup,
            LatencySamples rawGet,
            IdIndexRequests lookupRequests,
            PairedMeasurement throughput,
            IdIndexRequests throughputRequests,
            double mongoBytesPerEntry,
            double s3IndexBytesPerEntry,
            IdIndexRequests deleteOlderRequests) {}

    private static final int WARM_UP = 3;

    private final Mode mode;
    private final String bucket;
    private final BenchmarkOptions options;
    private final SampleLogs samples = new SampleLogs(23);
    private final String runId = new ObjectId().toHexString();
    private final String codeId = UUID.randomUUID().toString();

    IdIndexModeRun(Mode mode, String bucket, BenchmarkOptions options) {
        this.mode = mode;
        this.bucket = bucket;
        this.options = options;
    }

    Figures run(IdIndexClients delayed, IdIndexClients direct, ConcurrentRun workers) {
        RawS3Baseline rawDelayed = new RawS3Baseline(delayed.raw, bucket);
        int calls = options.latencySamples();
        LatencySamples create = new LatencySamples();
        LatencySamples rawPut = new LatencySamples();
        LatencySamples lookup = new LatencySamples();
        LatencySamples rawGet = new LatencySamples();
        IdIndexRequests createRequests;
        IdIndexRequests lookupRequests;
        try (S3CodeLogRepository store = store(delayed, "latency")) {
            List<CodeLog> created = new ArrayList<>();
            List<String> rawKeys = new ArrayList<>();
            for (int i = 0; i < WARM_UP; i++) {
                created.add(store.create(samples.newLog(runId, codeId)));
                rawKeys.add(rawDelayed.putLog(RawS3Baseline.newLog(samples.newLog(runId, codeId))));
                require(store.findById(created.get(i).id()).isPresent());
            }
            delayed.resetCounts();
            for (int i = 0; i < calls; i++) {
                CodeLog payload = samples.newLog(runId, codeId);
                CodeLog rawLog = RawS3Baseline.newLog(samples.newLog(runId, codeId));
                Runnable ours = () -> created.add(store.create(payload));
                Runnable theirs = () -> rawKeys.add(rawDelayed.putLog(rawLog));
                alternate(i, create, ours, rawPut, theirs);
            }
            createRequests = IdIndexRequests.counted(delayed, calls);
            delayed.resetCounts();
            for (int i = 0; i < calls; i++) {
                String id = created.get(WARM_UP + i).id();
                String key = rawKeys.get(WARM_UP + i);
                alternate(
                        i, lookup, () -> require(store.findById(id).isPresent()), rawGet, () -> rawDelayed.getLog(key));
            }
            lookupRequests = IdIndexRequests.counted(delayed, calls);
        }
        return throughputAndStorage(direct, workers, create, rawPut, createRequests, lookup, rawGet, lookupRequests);
    }

    private Figures throughputAndStorage(
            IdIndexClients direct,
            ConcurrentRun workers,
            LatencySamples create,
            LatencySamples rawPut,
            IdIndexRequests createRequests,
            LatencySamples lookup,
            LatencySamples rawGet,
            IdIndexRequests lookupRequests) {
        RawS3Baseline raw = new RawS3Baseline(direct.raw, bucket);
        int ops = options.ops();
        List<CodeLog> payloads = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < ops; i++) {
            payloads.add(samples.newLog(runId, codeId));
        }
        AtomicLong creates = new AtomicLong();
        try (S3CodeLogRepository store = store(direct, "throughput")) {
            direct.resetCounts();
            PairedMeasurement throughput = PairedMeasurement.warmedUp(
                    workers,
                    Math.min(ops, 100),
                    ops,
                    options.repetitions(),
                    i -> {
                        store.create(payloads.get(i));
                        creates.incrementAndGet();
                    },
                    i -> raw.putLog(RawS3Baseline.newLog(payloads.get(i))));
            IdIndexRequests throughputRequests = IdIndexRequests.counted(direct, creates.get());
            double mongoBytes = mode == Mode.MONGO ? mongoBytesPerEntry(direct) : 0;
            double s3IndexBytes = mode == Mode.S3 ? s3IndexBytesPerEntry(direct) : 0;
            direct.resetCounts();
            long deleted = store.deleteOlder(Instant.now().plus(Duration.ofMinutes(1)), Long.MAX_VALUE);
            require(deleted == creates.get());
            IdIndexRequests deleteOlder = IdIndexRequests.counted(direct, deleted);
            return new Figures(
                    mode,
                    create,
                    rawPut,
                    createRequests,
                    lookup,
                    rawGet,
                    lookupRequests,
                    throughput,
                    throughputRequests,
                    mongoBytes,
                    s3IndexBytes,
                    deleteOlder);
        }
    }

    /** Codelog's store on these clients under a prefix of its own, with this mode's index. */
    private S3CodeLogRepository store(IdIndexClients clients, String use) {
        String name = mode.value + "-" + use;
        S3IdIndex index = switch (mode) {
            case S3 -> S3IdIndex.pointers();
            case NONE -> S3IdIndex.none();
            case MONGO ->
                S3IdIndex.external(new MongoCodeLogIdIndex(clients.template, "ids_" + use, Duration.ofDays(30)));
        };
        return new S3CodeLogRepository(
                clients.codelog,
                S3CodeLogSettings.builder(bucket).prefix(name).idIndex(index).build());
    }

    /** Runs both and times each, the baseline first in odd calls, so that neither always goes first. */
    private static void alternate(
            int call, LatencySamples ours, Runnable codelog, LatencySamples theirs, Runnable baseline) {
        if (call % 2 == 0) {
            ours.time(codelog);
            theirs.time(baseline);
        } else {
            theirs.time(baseline);
            ours.time(codelog);
        }
    }

    /**
     * The mean BSON size of the throughput run's entries as the server returns them (each document read as a
     * {@link RawBsonDocument}): what MongoDB's collStats calls avgObjSize, before compression, indexes not
     * included.
     */
    private static double mongoBytesPerEntry(IdIndexClients direct) {
        long bytes = 0;
        long entries = 0;
        for (RawBsonDocument entry : direct.mongo
                .getDatabase(IdIndexClients.DATABASE)
                .getCollection("ids_throughput", RawBsonDocument.class)
                .find()) {
            bytes += entry.getByteBuffer().remaining();
            entries++;
        }
        require(entries > 0);
        return bytes / (double) entries;
    }

    /** The mean size of the throughput run's pointer objects, from a listing of their prefix. */
    private double s3IndexBytesPerEntry(IdIndexClients direct) {
        List<S3Object> pointers = direct
                .raw
                .listObjectsV2Paginator(request -> request.bucket(bucket).prefix(mode.value + "-throughput/index/"))
                .contents()
                .stream()
                .toList();
        require(!pointers.isEmpty());
        return pointers.stream().mapToLong(S3Object::size).average().orElseThrow();
    }
}
