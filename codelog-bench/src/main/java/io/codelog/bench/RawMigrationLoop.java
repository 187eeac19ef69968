package io.codelog.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import io.codelog.core.CodeLog;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.bson.Document;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The migration baseline: what a user of the raw driver and SDK would write to copy a createdAt range from the
 * MongoDB collection to S3. One driver cursor reads the range (batches of {@value #BATCH_SIZE}); each document is
 * turned into a log by hand and copied on one of {@code concurrency} threads with 2 PutObjects, the log and its
 * id pointer ({@link RawS3Baseline}); at most {@code 2 × concurrency} copies wait or run at once, as in the
 * engine. No checkpoint, no existence check, no quarantine, no retry beyond the SDK's own.
 */
final class RawMigrationLoop {

    static final int BATCH_SIZE = 500;

    private final MongoCollection<Document> logs;
    private final S3Client s3;
    private final int concurrency;

    RawMigrationLoop(MongoCollection<Document> logs, S3Client s3, int concurrency) {
        this.logs = logs;
        this.s3 = s3;
        this.concurrency = concurrency;
    }

    /**
     * Copies every log created in [from, toExclusive) into the bucket.
     *
     * @return the number of logs copied
     * @throws IllegalStateException when a read or a PUT failed, with that failure as cause
     */
    long copy(Instant from, Instant toExclusive, String bucket) {
        RawS3Baseline target = new RawS3Baseline(s3, bucket);
        Semaphore slots = new Semaphore(2 * concurrency);
        LongAdder copied = new LongAdder();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "codelog-bench-raw-migration");
            thread.setDaemon(true);
            return thread;
        });
        try (MongoCursor<Document> cursor = logs.find(Filters.and(
                        Filters.gte(StoreDocuments.CREATED_AT, Date.from(from)),
                        Filters.lt(StoreDocuments.CREATED_AT, Date.from(toExclusive))))
                .batchSize(BATCH_SIZE)
                .cursor()) {
            while (cursor.hasNext() && failure.get() == null) {
                CodeLog log = StoreDocuments.read(cursor.next());
                slots.acquireUninterruptibly();
                threads.execute(() -> {
                    try {
                        target.putPointer(target.putLog(log), log);
                        copied.increment();
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        slots.release();
                    }
                });
            }
            slots.acquireUninterruptibly(2 * concurrency);
        } finally {
            threads.shutdownNow();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the raw migration loop failed: " + failure.get(), failure.get());
        }
        return copied.sum();
    }
}
