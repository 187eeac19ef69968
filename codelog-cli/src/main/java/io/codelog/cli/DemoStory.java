package io.codelog.cli;

import io.codelog.migration.MigrationEngine;
import io.codelog.migration.MigrationJob;
import io.codelog.migration.VerificationReport;
import io.codelog.migration.VerifyJob;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;

/** The demo's steps that write, copy and compare, each printing what it did and its S3 requests. */
final class DemoStory {

    private static final long SEED = 20_241_210L;
    private static final int PUT_THREADS = 8;

    private final CliContext context;
    private final ProgressOptions progress;
    private final MongoCommandConnection mongo;
    private final S3CommandConnection s3;
    private final RequestSteps requests;
    private final PrintWriter out;

    DemoStory(
            CliContext context,
            ProgressOptions progress,
            MongoCommandConnection mongo,
            S3CommandConnection s3,
            RequestSteps requests) {
        this.context = context;
        this.progress = progress;
        this.mongo = mongo;
        this.s3 = s3;
        this.requests = requests;
        this.out = context.out();
    }

    /** A run of each origin to read back after the switch. */
    record Seeded(String migratedRun, String pythonRun) {}

    /** Writes the MongoDB history and the objects the earlier services wrote to S3. */
    Seeded seed(LocalDate first, int days, int logs, LocalDate s3First, int s3Days, int s3Logs) {
        long start = System.nanoTime();
        DemoHistory.Seeded history = new DemoHistory(SEED)
                .seed(mongo.template().getCollection(mongo.settings().collection()), first, days, logs);
        out.println("  " + mongo.describe() + ": " + HumanReadable.count(logs) + " logs in " + history.runs()
                + " runs over " + days + " days (" + first + ".." + first.plusDays(days - 1L) + "):");
        out.println("    " + HumanReadable.count(history.goShape()) + " in the Go service's shape (ObjectId _id, run_id"
                + " and code_id; millisecond dates)");
        out.println("    " + HumanReadable.count(history.stringShape()) + " in the Java store's shape (ids as strings,"
                + " created_at_ns and updated_at_ns beside the dates)");
        out.println("    " + HumanReadable.count(history.uuidShape()) + " with UUID ids");
        LegacyObjects writers = new LegacyObjects(s3.format(), SEED + 1);
        int perRun = 25;
        int runs = Math.max(2, s3Logs / perRun / 2);
        List<LegacyObjects.LegacyObject> go = writers.goService(s3First, s3Days, runs, perRun);
        List<LegacyObjects.LegacyObject> python = writers.pythonEngine(s3First, s3Days, runs, perRun);
        putAll(go);
        putAll(python);
        long dayOff =
                go.stream().filter(LegacyObjects.LegacyObject::keyDayDiffers).count();
        out.println("  " + s3.describe() + ", days " + s3First + ".." + s3First.plusDays(s3Days - 1L) + ":");
        out.println("    " + HumanReadable.count(go.size()) + " objects the Go service wrote (ObjectId ids, times at "
                + LegacyObjects.GO_SERVICE_ZONE.getId() + ", keys dated by that local day: " + dayOff
                + " sit under the day before their UTC created_at)");
        out.println("    " + HumanReadable.count(python.size()) + " objects the Python engine wrote (UUID4 ids,"
                + " isoformat() times with and without offset, fields of its own)");
        out.println("  seeded in " + HumanReadable.duration(Duration.ofNanos(System.nanoTime() - start))
                + "; S3 requests: " + RequestSteps.describe(requests.end("seed")));
        String pythonRun = s3.format().parse(python.get(0).key()).orElseThrow().runId();
        return new Seeded(history.goRunId(), pythonRun);
    }

    /** Runs a copy job with the progress display; prints its summary and S3 requests; returns its exit code. */
    int copy(MigrationEngine engine, MigrationJob job, String step, String title) {
        int code = new CopyJobRunner(context)
                .run(engine, job.withConcurrency(MigrationJob.DEFAULT_CONCURRENCY), progress, title, null)
                .exitCode();
        out.println("  S3 requests: " + RequestSteps.describe(requests.end(step)));
        return code;
    }

    /** Compares the stores; prints the report and its S3 requests. */
    VerificationReport verify(MigrationEngine engine, VerifyJob job, String step) {
        VerificationReport report = new VerifyRunner(context).verify(engine, job, step, null);
        out.println("  S3 requests: " + RequestSteps.describe(requests.end(step)));
        return report;
    }

    private void putAll(List<LegacyObjects.LegacyObject> objects) {
        ExecutorService pool = Executors.newFixedThreadPool(PUT_THREADS);
        try {
            List<Future<?>> puts = new ArrayList<>(objects.size());
            for (LegacyObjects.LegacyObject object : objects) {
                puts.add(pool.submit(() -> s3.client()
                        .putObject(
                                request -> request.bucket(s3.settings().bucket())
                                        .key(object.key())
                                        .contentType("application/json")
                                        .metadata(object.metadata()),
                                RequestBody.fromBytes(object.body()))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("A demo object could not be written", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the demo's objects", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
