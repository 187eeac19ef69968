package io.codelog.bench;

import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3RequestCounter;
import io.codelog.testservers.EmbeddedS3Server;
import io.codelog.testservers.SharedServers;
import java.io.PrintStream;
import software.amazon.awssdk.services.s3.S3Client;

/** Runs the server sections in order on the embedded servers and collects their rows into one table. */
final class Benchmark {

    private final BenchmarkOptions options;
    private final PrintStream progress;
    private final long start = System.nanoTime();

    /** @param progress where a line per step goes while the benchmark runs, with the seconds since the start */
    Benchmark(BenchmarkOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    ReportTable run() {
        ReportTable table = new ReportTable();
        S3Endpoint endpoint = new S3Endpoint(SharedServers.jvm().s3());
        if (options.runs("s3")) {
            step("S3 side by side");
            new S3SideBySide(endpoint, options).run(table);
        }
        if (options.runs("id-index")) {
            step("S3 id index: s3, mongo, none");
            new IdIndexSection(endpoint, SharedServers.jvm().mongo(), options).run(table);
        }
        if (options.runs("mongo")) {
            step("MongoDB side by side");
            try (MongoBench mongo = new MongoBench(SharedServers.jvm().mongo())) {
                new MongoSideBySide(mongo, options).run(table);
            }
        }
        if (options.runs("migration")) {
            step("migration side by side");
            try (MigrationStores stores =
                    new MigrationStores(SharedServers.jvm().mongo(), endpoint)) {
                new MigrationSideBySide(stores, options).run(table);
            }
        }
        if (options.runs("sizes")) {
            ReportTable counts = new ReportTable();
            ReportTable latency = new ReportTable();
            ReportTable scale = new ReportTable();
            for (int size : options.sizes()) {
                runSize(endpoint, size, counts, latency, scale);
            }
            counts.rows().forEach(table::add);
            latency.rows().forEach(table::add);
            scale.rows().forEach(table::add);
        }
        if (options.runs("reads")) {
            step("S3 misses and long runs");
            readCosts(endpoint, table);
        }
        if (options.runs("memory")) {
            step("memory of a migration in a -Xmx" + MemorySection.MAX_HEAP + " child JVM, " + options.memoryLogs()
                    + " logs");
            new MemorySection(SharedServers.jvm().mongo(), options, this::step).run(table);
        }
        return table;
    }

    private void readCosts(S3Endpoint shared, ReportTable table) {
        for (int size : options.sizes()) {
            // Two days of this many logs each.
            if (2L * size <= options.diskAbove()) {
                missesAt(shared, size, table);
                continue;
            }
            step(String.format("starting a disk-backed S3 server for 2 days of %,d logs", size));
            try (EmbeddedS3Server onDisk = EmbeddedS3Server.startOnDisk()) {
                missesAt(new S3Endpoint(onDisk), size, table);
            }
        }
        S3RequestCounter counter = new S3RequestCounter();
        try (S3Client client = shared.client(shared.endpoint(), counter);
                ConcurrentRun workers = new ConcurrentRun(options.concurrency())) {
            ReadCostSection reads = new ReadCostSection(client, counter, workers);
            reads.longRun(table);
            reads.uuidRun(table);
        }
    }

    private void missesAt(S3Endpoint endpoint, int size, ReportTable table) {
        S3RequestCounter counter = new S3RequestCounter();
        try (S3Client client = endpoint.client(endpoint.endpoint(), counter);
                ConcurrentRun workers = new ConcurrentRun(options.concurrency())) {
            step(String.format("misses at %,d logs a day", size));
            new ReadCostSection(client, counter, workers).misses(size, table);
        }
    }

    private void runSize(S3Endpoint shared, int size, ReportTable counts, ReportTable latency, ReportTable scale) {
        if (size <= options.diskAbove()) {
            measureSize(shared, size, counts, latency, scale);
            return;
        }
        step(String.format("starting a disk-backed S3 server for %,d logs", size));
        try (EmbeddedS3Server onDisk = EmbeddedS3Server.startOnDisk()) {
            measureSize(new S3Endpoint(onDisk), size, counts, latency, scale);
        }
    }

    private void measureSize(
            S3Endpoint endpoint, int size, ReportTable counts, ReportTable latency, ReportTable scale) {
        S3RequestCounter counter = new S3RequestCounter();
        try (S3Client client = endpoint.client(endpoint.endpoint(), counter);
                ConcurrentRun workers = new ConcurrentRun(options.concurrency())) {
            step(String.format("seeding %,d logs", size));
            SeededBucket data = SeededBucket.seed(client, size, options.runSize(), workers);
            try (S3CodeLogRepository store = data.store(client)) {
                RequestCountSection requestCounts = new RequestCountSection(data, store, counter);
                step(String.format("request counts at %,d logs", size));
                requestCounts.reads(counts);
                step(String.format("latency at %,d logs", size));
                new LatencySection(endpoint, options).run(data, latency);
                step(String.format("scale at %,d logs", size));
                new ScaleSection(options).run(data, client, store, workers, scale);
                step(String.format("deleteOlder at %,d logs", size));
                requestCounts.deleteOlder(counts);
            }
        }
    }

    private void step(String name) {
        step(progress, start, name);
    }

    /** Prints a step's line: {@code codelog-bench: [  12 s] name ...}, seconds since {@code start} (nanoTime). */
    static void step(PrintStream out, long start, String name) {
        out.printf("codelog-bench: [%4.0f s] %s ...%n", (System.nanoTime() - start) / 1e9, name);
    }
}
