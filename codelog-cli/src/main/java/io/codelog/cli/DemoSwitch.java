package io.codelog.cli;

import io.codelog.core.CodeLog;
import io.codelog.core.FallbackCodeLogRepository;
import io.codelog.core.LogType;
import io.codelog.core.PageRequest;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.bson.types.ObjectId;

/**
 * The demo's switch of a service to S3 with fallback to MongoDB ({@code codelog.s3.enabled=true},
 * {@code codelog.mode=fallback}): the composite the starter builds in that mode, written to and read from as a
 * service would.
 */
final class DemoSwitch {

    private final MongoCommandConnection mongo;
    private final S3CommandConnection s3;
    private final PrintWriter out;
    private final LongAdder fallbackReads = new LongAdder();
    private final FallbackCodeLogRepository service;

    DemoSwitch(MongoCommandConnection mongo, S3CommandConnection s3, PrintWriter out) {
        this.mongo = mongo;
        this.s3 = s3;
        this.out = out;
        this.service = new FallbackCodeLogRepository(
                s3.repository(), mongo.repository(), operation -> fallbackReads.increment());
    }

    /**
     * Writes and reads through the fallback, printing each result.
     *
     * @param migratedRun a run migrated from MongoDB
     * @param s3OnlyRun a run the Python engine wrote to S3
     * @return whether every read returned what it should
     */
    boolean run(String migratedRun, String s3OnlyRun) {
        long hitsBefore = fallbackReads.sum();
        String newRun = new ObjectId().toHexString();
        CodeLog created = service.create(
                CodeLog.of(newRun, new ObjectId().toHexString(), LogType.INFO, "first log after the switch"));
        boolean inS3Only = s3.repository().findById(created.id()).isPresent()
                && mongo.repository().findById(created.id()).isEmpty();
        out.println("  a new log goes to S3 only: " + created.id() + " under "
                + s3.format().logKey(created) + (inS3Only ? "" : "  << NOT AS EXPECTED"));

        List<CodeLog> fromService = service.listRunLogs(migratedRun, null, PageRequest.MAX_LIMIT, 1);
        List<CodeLog> inMongo = mongo.repository().listRunLogs(migratedRun, null, PageRequest.MAX_LIMIT, 1);
        boolean sameRun = !fromService.isEmpty() && fromService.equals(inMongo);
        out.println("  run " + migratedRun + " (migrated from MongoDB) read back: " + fromService.size()
                + " logs, oldest first, identical to MongoDB's: " + (sameRun ? "yes" : "NO"));

        List<CodeLog> python = service.listRunLogs(s3OnlyRun, null, PageRequest.MAX_LIMIT, 1);
        out.println(
                "  run " + s3OnlyRun + " (written to S3 by the Python engine) read back: " + python.size() + " logs");

        CodeLog lateInMongo = mongo.repository()
                .create(CodeLog.of(
                        new ObjectId().toHexString(),
                        new ObjectId().toHexString(),
                        LogType.ERROR,
                        "written to MongoDB by an instance not switched yet"));
        Optional<CodeLog> found = service.findById(lateInMongo.id());
        long fallbackHits = fallbackReads.sum() - hitsBefore;
        out.println("  a log an instance not yet switched wrote to MongoDB: found through the fallback: "
                + (found.isPresent() ? "yes" : "NO") + " (reads answered by MongoDB: " + fallbackHits + ")");
        return inS3Only && sameRun && !python.isEmpty() && found.isPresent();
    }
}
