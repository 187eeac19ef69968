package io.codelog.migration;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogException;
import io.codelog.core.MalformedCodeLogException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Compares every source log of a range with the target's log of the same id, in parallel, and repairs or
 * deletes as the job asks. A log is equal when the target's checker finds exactly the bytes of its canonical JSON
 * (S3: the ETag of its key is the MD5 of that JSON, and the pointer is intact), or else when the canonical JSON of
 * what the target's findById returns hashes the same. Per log: the source read (MongoDB: none; S3: 1 GET), the
 * check (S3: 1 HEAD and 1 LIST per 1,000 keys; MongoDB: 1 round trip), a findById only for logs not found
 * identical (S3: 2 GETs), and for a repair the target's write. A deletion of the source comes only after a live
 * read of the target's copy ({@link LogTarget#checkLive}; S3: 1 GET within the store's byte cap, MongoDB: 1 find),
 * because the check may rest on a listing as old as the pass: a copy gone, changed or unreadable then is counted
 * as missing, different or unreadable, listed with the reason, and its source kept (not repaired in this pass,
 * since something changed it after the check; run verify again). Then the source's conditional delete. Not
 * checkpointed: it only reads (or repairs idempotently), so a stopped comparison is simply run again.
 */
final class Verifier {

    private final VerifyJob job;
    private final LogSource source;
    private final LogTarget target;
    private final MeteredGate gate;
    private final TargetChecker checker;
    private final LongAdder checked = new LongAdder();
    private final LongAdder equal = new LongAdder();
    private final LongAdder missing = new LongAdder();
    private final LongAdder different = new LongAdder();
    private final LongAdder unreadable = new LongAdder();
    private final LongAdder repaired = new LongAdder();
    private final LongAdder deleted = new LongAdder();
    private final LongAdder kept = new LongAdder();
    private final List<Difference> differences = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    Verifier(VerifyJob job, LogSource source, LogTarget target) {
        this.job = job;
        this.source = source;
        this.target = target;
        this.gate = MeteredGate.limitedTo(job.maxRequestsPerSecond());
        this.checker = target.checker(gate);
    }

    /**
     * @throws MigrationException when a store fails; the counts so far are lost, run it again
     */
    VerificationReport run() {
        long start = System.nanoTime();
        try (WorkerPool pool = new WorkerPool(job.concurrency(), "codelog-verify")) {
            for (String partition : source.partitions(job.from(), job.toExclusive(), false)) {
                try (SourceCursor cursor = source.open(partition, null, job.batchSize(), gate)) {
                    while (failure.get() == null && cursor.hasNext()) {
                        SourceEntry entry = cursor.next();
                        pool.submit(() -> verifyQuietly(entry));
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
                pool.awaitIdle();
                if (failure.get() != null) {
                    RuntimeException cause = failure.get();
                    String reason = cause instanceof CodeLogException ? cause.getMessage() : cause.toString();
                    throw new MigrationException(
                            "Verification stopped in partition " + partition + ": " + reason + "; run it again", cause);
                }
            }
        }
        synchronized (differences) {
            return new VerificationReport(
                    checked.sum(),
                    equal.sum(),
                    missing.sum(),
                    different.sum(),
                    unreadable.sum(),
                    repaired.sum(),
                    deleted.sum(),
                    kept.sum(),
                    differences,
                    gate.counts(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void verifyQuietly(SourceEntry entry) {
        if (failure.get() != null) {
            return;
        }
        try {
            verify(entry);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void verify(SourceEntry entry) {
        SourceLog read = source.read(entry, gate);
        checked.increment();
        if (!read.isReadable()) {
            unreadable.increment();
            note(Difference.Kind.UNREADABLE_SOURCE, entry, null, read.problem());
            return;
        }
        CodeLog log = read.log();
        if (checker.check(log) == TargetCopy.IDENTICAL) {
            equalInBoth(read);
            return;
        }
        Optional<CodeLog> stored;
        try {
            stored = target.read(log.id(), gate);
        } catch (MalformedCodeLogException e) {
            unreadable.increment();
            note(Difference.Kind.UNREADABLE_TARGET, entry, log.id(), e.reason());
            repair(log);
            return;
        }
        if (stored.isEmpty()) {
            missing.increment();
            note(Difference.Kind.MISSING_IN_TARGET, entry, log.id(), "");
            repair(log);
        } else if (!LogHash.same(log, stored.get())) {
            different.increment();
            note(Difference.Kind.DIFFERENT, entry, log.id(), LogHash.differingFields(log, stored.get()));
            repair(log);
        } else {
            equalInBoth(read);
        }
    }

    private void equalInBoth(SourceLog read) {
        if (!job.deleteSourceAfterVerify()) {
            equal.increment();
            return;
        }
        LiveCheck live = target.checkLive(read.log(), gate);
        if (!live.isPassed()) {
            counterOf(live.difference()).increment();
            kept.increment();
            note(live.difference(), read.entry(), read.log().id(), live.detail() + "; kept in the source");
            return;
        }
        equal.increment();
        (source.deleteIfUnchanged(read, gate) ? deleted : kept).increment();
    }

    private LongAdder counterOf(Difference.Kind kind) {
        return switch (kind) {
            case MISSING_IN_TARGET -> missing;
            case DIFFERENT -> different;
            case UNREADABLE_TARGET, UNREADABLE_SOURCE -> unreadable;
        };
    }

    private void repair(CodeLog log) {
        if (job.repair()) {
            target.write(log, gate);
            repaired.increment();
        }
    }

    private void note(Difference.Kind kind, SourceEntry entry, String logId, String detail) {
        synchronized (differences) {
            if (differences.size() < job.maxDifferences()) {
                differences.add(new Difference(kind, entry.partition(), entry.sourceKey(), logId, detail));
            }
        }
    }
}
