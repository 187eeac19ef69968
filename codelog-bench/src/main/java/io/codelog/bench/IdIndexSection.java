package io.codelog.bench;

import io.codelog.bench.IdIndexModeRun.Figures;
import io.codelog.bench.IdIndexModeRun.Mode;
import io.codelog.testservers.MongoTestServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Section 1 for the S3 store's id index ({@code codelog.s3.id-index} = s3, mongo, none), each value measured by
 * {@link IdIndexModeRun} on the same S3- and MongoDB-protocol servers: a create's time against one raw PutObject and
 * a lookup's against one raw GetObject, one caller, {@code --delay-ms} added to every S3 request and every MongoDB
 * command; the requests of each, counted; create throughput against raw PutObjects; and, per 1,000,000 logs, the
 * S3 PUTs, S3 GETs per lookup, MongoDB writes and bytes, all from counts and sizes measured here.
 */
final class IdIndexSection {

    static final String SECTION = "1. S3 id index: s3, mongo, none";
    /** The target: a create takes at most 1.3 times a raw PutObject's time (p50). */
    static final double CREATE_TIME_TARGET = 1.3;

    private static final long MILLION = 1_000_000;

    private final S3Endpoint endpoint;
    private final MongoTestServer mongo;
    private final BenchmarkOptions options;

    IdIndexSection(S3Endpoint endpoint, MongoTestServer mongo, BenchmarkOptions options) {
        this.endpoint = endpoint;
        this.mongo = mongo;
        this.options = options;
    }

    void run(ReportTable table) {
        URI mongoAddress = IdIndexClients.address(mongo.connectionString());
        List<Figures> figures = new ArrayList<>();
        try (DelayProxy s3Proxy = new DelayProxy(endpoint.endpoint(), options.delay());
                DelayProxy mongoProxy = new DelayProxy(mongoAddress, options.delay());
                IdIndexClients delayed = new IdIndexClients(endpoint, s3Proxy.endpoint(), mongoProxy.endpoint());
                IdIndexClients direct = new IdIndexClients(endpoint, endpoint.endpoint(), mongoAddress);
                ConcurrentRun workers = new ConcurrentRun(options.concurrency())) {
            String bucket = S3Endpoint.newBucket(direct.raw, "bench-id-index");
            for (Mode mode : Mode.values()) {
                figures.add(new IdIndexModeRun(mode, bucket, options).run(delayed, direct, workers));
            }
            S3Endpoint.deleteBucket(direct.raw, bucket);
            direct.mongo.getDatabase(IdIndexClients.DATABASE).drop();
        }
        String delay = options.delay().toMillis() + " ms per request";
        figures.forEach(each -> addCreate(table, each, delay));
        figures.forEach(each -> addLookup(table, each, delay));
        figures.forEach(each -> each.throughput()
                .addTo(
                        table,
                        SECTION,
                        "create throughput, " + each.mode().value + " (" + each.mode().create + ")  vs  1 PutObject, "
                                + options.concurrency() + " threads, no delay",
                        "ops/s",
                        Double.NaN));
        figures.forEach(each -> addPerMillion(table, each));
    }

    private static void addCreate(ReportTable table, Figures figures, String delay) {
        Mode mode = figures.mode();
        double ratio = figures.create().p50() / figures.rawPut().p50();
        table.add(
                SECTION,
                "create, " + mode.value + " (" + mode.create + ")  vs  1 PutObject, one caller, " + delay,
                figures.create().format() + ", " + figures.createRequests(),
                figures.rawPut().format() + ", 1 PUT",
                String.format("%.2f (p50)", ratio),
                ReportTable.verdict(ratio <= CREATE_TIME_TARGET, "≤ " + CREATE_TIME_TARGET + " × a PUT (p50)"));
        boolean exact = figures.createRequests().exactly(expectedCreate(mode), expectedCreateMongo(mode))
                && figures.throughputRequests().exactly(expectedCreate(mode), expectedCreateMongo(mode));
        table.add(
                SECTION,
                "requests per create, " + mode.value + " (over "
                        + figures.createRequests().calls() + " + "
                        + figures.throughputRequests().calls() + " creates)",
                figures.throughputRequests().toString(),
                "1 PUT",
                "",
                ReportTable.verdict(exact, "exactly " + describe(expectedCreate(mode), expectedCreateMongo(mode))));
    }

    private static void addLookup(ReportTable table, Figures figures, String delay) {
        Mode mode = figures.mode();
        IdIndexRequests requests = figures.lookupRequests();
        String target = "";
        if (mode == Mode.S3) {
            target = ReportTable.verdict(
                    requests.exactly(Map.of("GetObject", 2L), Map.of()), "exactly 2 GET (pointer, log)");
        } else if (mode == Mode.MONGO) {
            target = ReportTable.verdict(
                    requests.exactly(Map.of("GetObject", 1L), Map.of("find", 1L)), "exactly 1 Mongo find + 1 GET");
        }
        table.add(
                SECTION,
                "findById of a log of today, " + mode.value + "  vs  1 GetObject of a known key, one caller, " + delay,
                figures.lookup().format() + ", " + requests,
                figures.rawGet().format() + ", 1 GET",
                String.format(
                        "%.2f (p50)", figures.lookup().p50() / figures.rawGet().p50()),
                target);
    }

    private static void addPerMillion(ReportTable table, Figures figures) {
        IdIndexRequests creates = figures.throughputRequests();
        IdIndexRequests deletes = figures.deleteOlderRequests();
        String perMillion = String.format(
                "%s S3 PUT; %s S3 GET per lookup; %s Mongo writes, %s Mongo bytes; %s index bytes in S3; deleteOlder"
                        + " %s DeleteObjects + %s Mongo deletes",
                IdIndexRequests.number(MILLION * creates.s3PerCall("PutObject")),
                IdIndexRequests.number(figures.lookupRequests().s3PerCall("GetObject")),
                IdIndexRequests.number(MILLION * creates.mongoWritesPerCall()),
                megabytes(MILLION * figures.mongoBytesPerEntry()),
                megabytes(MILLION * figures.s3IndexBytesPerEntry()),
                IdIndexRequests.number(Math.round(MILLION * deletes.s3PerCall("DeleteObjects"))),
                IdIndexRequests.number(Math.round(MILLION * deletes.mongoPerCall("delete"))));
        table.add(
                SECTION,
                "per 1,000,000 logs, " + figures.mode().value + " (counts and sizes measured over "
                        + creates.calls() + " creates, "
                        + figures.lookupRequests().calls() + " lookups, a deleteOlder"
                        + " of " + deletes.calls() + " logs)",
                perMillion,
                "",
                "",
                "");
    }

    private static Map<String, Long> expectedCreate(Mode mode) {
        return Map.of("PutObject", mode == Mode.S3 ? 2L : 1L);
    }

    private static Map<String, Long> expectedCreateMongo(Mode mode) {
        return mode == Mode.MONGO ? Map.of("insert", 1L) : Map.of();
    }

    private static String describe(Map<String, Long> s3, Map<String, Long> mongo) {
        return new IdIndexRequests(s3, mongo, 1).toString();
    }

    private static String megabytes(double bytes) {
        return bytes == 0 ? "0" : String.format("%.0f MB", bytes / 1e6);
    }
}
