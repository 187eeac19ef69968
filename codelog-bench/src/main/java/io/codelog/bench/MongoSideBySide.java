package io.codelog.bench;

import static io.codelog.bench.ExpectedResults.require;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.codelog.core.CodeLog;
import io.codelog.mongo.MongoCodeLogRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Section 1 for MongoDB: codelog's Mongo store against the raw driver doing the same work on the same
 * server, client, thread count and documents. Reads of both go to the same collection.
 */
final class MongoSideBySide {

    static final String SECTION = "1. Mongo side by side";
    private static final Bson OLDEST_FIRST = Sorts.ascending("created_at", "created_at_ns", "_id");
    private static final int PAGE_SIZE = 20;
    private static final String RUN_ID = "run_id";

    /** Paired measurements per repetition, each of a share of {@code --mongo-ops}. */
    static final int BLOCKS_PER_REPETITION = 3;

    /** Unmeasured operations of each side before its measurements (JIT, the driver's codecs). */
    private static final int WARM_UP_OPS = 200;

    private final MongoBench mongo;
    private final BenchmarkOptions options;

    MongoSideBySide(MongoBench mongo, BenchmarkOptions options) {
        this.mongo = mongo;
        this.options = options;
    }

    void run(ReportTable table) {
        try (ConcurrentRun workers = new ConcurrentRun(options.concurrency())) {
            measure(table, workers);
        }
    }

    private void measure(ReportTable table, ConcurrentRun workers) {
        // The embedded server's speed drifts within seconds; shorter paired blocks keep each pair in the same
        // conditions, so each repetition is split into blocks of a third of the operations.
        int ops = Math.max(1, options.mongoOps() / BLOCKS_PER_REPETITION);
        int repetitions = options.repetitions() * BLOCKS_PER_REPETITION;
        MongoDatabase database = mongo.database();
        String suffix = UUID.randomUUID().toString().replace("-", "");
        MongoCodeLogRepository creating = mongo.store("side_create_codelog_" + suffix);
        MongoCollection<Document> rawCreating = database.getCollection("side_create_raw_" + suffix);
        SampleLogs samples = new SampleLogs(21);
        String runId = new ObjectId().toHexString();
        String codeId = UUID.randomUUID().toString();
        List<CodeLog> payloads = new ArrayList<>(ops);
        for (int i = 0; i < ops; i++) {
            payloads.add(samples.newLog(runId, codeId));
        }
        PairedMeasurement.warmedUp(
                        workers,
                        Math.min(ops, WARM_UP_OPS),
                        ops,
                        repetitions,
                        i -> creating.create(payloads.get(i)),
                        i -> rawCreating.insertOne(StoreDocuments.ofNew(payloads.get(i), Instant.now())))
                .addTo(table, SECTION, "create  vs  insertOne of the same document", true);

        String readCollection = "side_read_" + suffix;
        MongoCodeLogRepository reading = mongo.store(readCollection);
        MongoCollection<Document> rawReading = database.getCollection(readCollection);
        int documents = options.mongoDocuments();
        int runSize = Math.max(PAGE_SIZE, Math.min(500, documents / 4));
        String pageRun = samples.newId(Instant.now());
        List<CodeLog> seeded = new ArrayList<>(documents);
        Instant base = Instant.now().minusSeconds(documents);
        for (int i = 0; i < documents; i++) {
            Instant at = base.plusSeconds(i);
            String run = i % (documents / runSize) == 0 ? pageRun : samples.newId(at);
            seeded.add(samples.log(run, codeId, at));
        }
        workers.forEach(seeded, reading::put);
        long inRun = reading.count(pageRun, null);
        int pages = (int) Math.max(1, inRun / PAGE_SIZE);

        // codelog matches ids stored as ObjectIds or strings (the Go service left both) with $in; the second
        // baseline sends that same filter, so that its ratio compares equal work.
        List<PairedMeasurement> byId = PairedMeasurement.warmedUp(
                workers,
                Math.min(ops, WARM_UP_OPS),
                ops,
                repetitions,
                i -> require(reading.findById(id(seeded, i)).isPresent()),
                List.of(
                        i -> require(rawReading.find(idEquals(id(seeded, i))).first() != null),
                        i -> require(rawReading.find(idIn(id(seeded, i))).first() != null)));
        byId.get(0).addTo(table, SECTION, "findById  vs  find({_id: $eq}).first()", true);
        byId.get(1).addTo(table, SECTION, "findById  vs  find({_id: $in [ObjectId, string]}).first()", true);

        String pageName = "page of 20 of a " + inRun + "-log run in " + documents + " docs  vs  find+sort+skip+limit";
        // A page costs about 25 findById here (the server scans the collection): a tenth of the operations
        // gives measurements of a second or so, like the others.
        int pageOps = Math.max(PAGE_SIZE, ops / 10);
        List<PairedMeasurement> page = PairedMeasurement.warmedUp(
                workers,
                Math.min(pageOps, WARM_UP_OPS),
                pageOps,
                repetitions,
                i -> require(reading.listRunLogs(pageRun, null, PAGE_SIZE, 1 + i % pages)
                                .size()
                        == PAGE_SIZE),
                List.of(
                        i -> require(rawPage(rawReading, Filters.eq(RUN_ID, pageRun), i % pages)),
                        i -> require(rawPage(rawReading, runIn(pageRun), i % pages))));
        page.get(0).addTo(table, SECTION, pageName + ", run_id $eq", true);
        page.get(1).addTo(table, SECTION, pageName + ", run_id $in [ObjectId, string]", true);

        List<PairedMeasurement> count = PairedMeasurement.warmedUp(
                workers,
                Math.min(ops, WARM_UP_OPS),
                ops,
                repetitions,
                i -> require(reading.count(pageRun, null) == inRun),
                List.of(
                        i -> require(rawReading.countDocuments(Filters.eq(RUN_ID, pageRun)) == inRun),
                        i -> require(rawReading.countDocuments(runIn(pageRun)) == inRun)));
        count.get(0).addTo(table, SECTION, "count(run)  vs  countDocuments, run_id $eq", true);
        count.get(1).addTo(table, SECTION, "count(run)  vs  countDocuments, run_id $in [ObjectId, string]", true);
    }

    private static boolean rawPage(MongoCollection<Document> collection, Bson filter, int pageIndex) {
        return collection
                        .find(filter)
                        .sort(OLDEST_FIRST)
                        .skip(pageIndex * PAGE_SIZE)
                        .limit(PAGE_SIZE)
                        .into(new ArrayList<>())
                        .size()
                == PAGE_SIZE;
    }

    private static Bson idEquals(String id) {
        return Filters.eq("_id", new ObjectId(id));
    }

    private static Bson idIn(String id) {
        return Filters.in("_id", new ObjectId(id), id);
    }

    private static Bson runIn(String runId) {
        return Filters.in(RUN_ID, new ObjectId(runId), runId);
    }

    private static String id(List<CodeLog> logs, int i) {
        return logs.get(i % logs.size()).id();
    }
}
