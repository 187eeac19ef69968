package io.codelog.migration;

import io.codelog.testservers.ChildJvm;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** Starts {@link WorkerMain} in a new JVM on the test's classpath and reads what it prints. */
final class WorkerProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;

    /** A worker migrating MongoDB to S3 with the default lease. */
    WorkerProcess(
            MigrationFixture fixture,
            MongoTestServer mongo,
            S3TestServer s3,
            String maxHeap,
            String jobId,
            LocalDate from,
            int days,
            int concurrency,
            String owner) {
        this(
                fixture,
                mongo,
                s3,
                maxHeap,
                jobId,
                from,
                days,
                concurrency,
                owner,
                MigrationJob.DEFAULT_LEASE,
                WorkerMain.MONGO_TO_S3);
    }

    /**
     * A worker with a lease of its own, copying in a direction: {@link WorkerMain#MONGO_TO_S3} or {@link
     * WorkerMain#S3_TO_MONGO}.
     */
    WorkerProcess(
            MigrationFixture fixture,
            MongoTestServer mongo,
            S3TestServer s3,
            String maxHeap,
            String jobId,
            LocalDate from,
            int days,
            int concurrency,
            String owner,
            Duration lease,
            String direction) {
        process = ChildJvm.mainClass(WorkerMain.class)
                .jvmOptions(List.of("-Xmx" + maxHeap))
                .args(List.of(
                        mongo.connectionString(),
                        fixture.databaseName,
                        s3.endpoint().toString(),
                        s3.region(),
                        s3.accessKeyId(),
                        s3.secretAccessKey(),
                        fixture.bucket,
                        jobId,
                        from.toString(),
                        Integer.toString(days),
                        Integer.toString(concurrency),
                        owner,
                        lease.toString(),
                        direction))
                .errorTo(Path.of("target", "worker-" + jobId + ".err"))
                .start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The next line the worker printed, or null when it exited. */
    String nextLine() {
        try {
            return out.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Process process() {
        return process;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
