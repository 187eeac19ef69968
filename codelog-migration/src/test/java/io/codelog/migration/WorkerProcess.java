package io.codelog.migration;

import io.codelog.testservers.ChildJvm;
import io.codelog.testservers.ChildProcess;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** Starts {@link WorkerMain} in a new JVM on the test's classpath, to read what it prints on stdout. */
final class WorkerProcess {

    private WorkerProcess() {}

    /** A worker migrating MongoDB to S3 with the default lease. */
    static ChildProcess start(
            MigrationFixture fixture,
            MongoTestServer mongo,
            S3TestServer s3,
            String maxHeap,
            String jobId,
            LocalDate from,
            int days,
            int concurrency,
            String owner) {
        return start(
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
     * WorkerMain#S3_TO_MONGO}. Its stderr goes to {@code target/worker-<jobId>.err}.
     */
    static ChildProcess start(
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
        return ChildJvm.mainClass(WorkerMain.class)
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
                .startReadingOutput();
    }
}
