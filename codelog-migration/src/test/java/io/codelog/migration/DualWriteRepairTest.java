package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.testservers.TestS3Clients;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The repair of failed dual-write copies, MongoDB primary and S3 secondary on the real servers: it copies what
 * the secondary missed, deletes what the primary no longer has, repairs a log once however many records name
 * it, and keeps every record while the secondary is down.
 */
class DualWriteRepairTest extends DualWriteRepairCase {

    private final AtomicLong clockMillis =
            new AtomicLong(Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());

    @Test
    void copiesLogsTheSecondaryMissedVerbatimAndRemovesTheirRecords() {
        List<CodeLog> missed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CodeLog stored = fixture.mongoRepository.create(CodeLog.of(RUN, CODE, LogType.INFO, "missed " + i));
            missed.add(stored);
            record(stored.id(), "create");
        }
        CodeLog updated = fixture.mongoRepository.update(missed.get(0).id(), "changed after create");
        missed.set(0, updated);

        DualWriteRepairReport report = repair().run();

        assertThat(report).isEqualTo(new DualWriteRepairReport(5, 5, 0, 0, 0, 0, 0));
        assertThat(report.complete()).isTrue();
        for (CodeLog log : missed) {
            assertThat(fixture.s3Repository.findById(log.id())).contains(log);
        }
        assertThat(failures.count()).isZero();
    }

    @Test
    void deletesFromTheSecondaryWhatThePrimaryNoLongerHas() {
        CodeLog kept = fixture.mongoRepository.create(CodeLog.of(RUN, CODE, LogType.INFO, "kept"));
        CodeLog gone = fixture.mongoRepository.create(CodeLog.of(RUN, CODE, LogType.ERROR, "gone"));
        fixture.s3Repository.put(kept);
        fixture.s3Repository.put(gone);
        fixture.mongoRepository.delete(gone.id());
        record(gone.id(), "delete");

        DualWriteRepairReport report = repair().run();

        assertThat(report).isEqualTo(new DualWriteRepairReport(1, 0, 1, 0, 0, 0, 0));
        assertThat(fixture.s3Repository.findById(gone.id())).isEmpty();
        assertThat(fixture.s3Repository.findById(kept.id())).contains(kept);
        assertThat(failures.count()).isZero();
    }

    @Test
    void repairsALogOnceHoweverManyRecordsNameIt() {
        CodeLog log = fixture.mongoRepository.create(CodeLog.of(RUN, CODE, LogType.DEBUG, "first"));
        record(log.id(), "create");
        fixture.mongoRepository.update(log.id(), "second");
        record(log.id(), "update");
        CodeLog last = fixture.mongoRepository.update(log.id(), "third");
        record(log.id(), "update");
        fixture.resetCounts();

        DualWriteRepairReport report = repair().run();

        assertThat(report).isEqualTo(new DualWriteRepairReport(3, 1, 0, 0, 0, 0, 0));
        assertThat(fixture.s3Repository.findById(log.id())).contains(last);
        assertThat(fixture.putsByKey)
                .as("each key written once")
                .allSatisfy((key, puts) -> assertThat(puts.sum()).isEqualTo(1));
        assertThat(fixture.putsByKey).isNotEmpty();
        assertThat(failures.count()).isZero();
    }

    @Test
    void costsOneGetOfTheCopyThenOnlyTheWritesItNeeds() {
        CodeLog log = fixture.mongoRepository.create(CodeLog.of(RUN, CODE, LogType.INFO, "missed"));
        record(log.id(), "create");
        fixture.resetCounts();
        repair().run();
        assertThat(fixture.counter.snapshot())
                .as("missing: 1 GET of its key, 1 conditional PUT, 1 PUT of the pointer")
                .isEqualTo(Map.of("GetObject", 1L, "PutObject", 2L));

        record(log.id(), "update");
        fixture.resetCounts();
        assertThat(repair().run()).isEqualTo(new DualWriteRepairReport(1, 0, 0, 0, 0, 1, 0));
        assertThat(fixture.counter.snapshot()).as("already equal").isEqualTo(Map.of("GetObject", 1L));

        fixture.mongoRepository.delete(log.id());
        record(log.id(), "delete");
        fixture.resetCounts();
        repair().run();
        assertThat(fixture.counter.snapshot())
                .as("deleted: the pointer and the log read, 1 HEAD, 1 DeleteObjects")
                .isEqualTo(Map.of("GetObject", 2L, "HeadObject", 1L, "DeleteObjects", 1L));
    }

    @Test
    void removesRangeOperationsWithoutReplayingThem() {
        CodeLog log = fixture.mongoRepository.create(CodeLog.of(RUN, CODE, LogType.INFO, "survives"));
        fixture.s3Repository.put(log);
        record(null, "deleteOlder");
        fixture.resetCounts();

        DualWriteRepairReport report = repair().run();

        assertThat(report).isEqualTo(new DualWriteRepairReport(1, 0, 0, 0, 1, 0, 0));
        assertThat(fixture.counter.total()).as("S3 requests").isZero();
        assertThat(failures.count()).isZero();
    }

    @Test
    void keepsEveryRecordWhileTheSecondaryIsDownAndRepairsThemOnceItIsBack() throws IOException {
        List<CodeLog> missed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CodeLog stored = fixture.mongoRepository.create(CodeLog.of(RUN, CODE, LogType.INFO, "outage " + i));
            missed.add(stored);
            record(stored.id(), "create");
        }
        try (S3Client deadClient = TestS3Clients.unreachable();
                S3CodeLogRepository deadSecondary = new S3CodeLogRepository(deadClient, fixture.s3Settings)) {
            DualWriteRepairReport down = new DualWriteRepair(fixture.mongoRepository, deadSecondary, failures, 2).run();

            assertThat(down)
                    .as("stops after the first batch in which every repair failed")
                    .isEqualTo(new DualWriteRepairReport(2, 0, 0, 2, 0, 0, 0));
            assertThat(down.complete()).isFalse();
        }
        assertThat(failures.count()).isEqualTo(5);

        DualWriteRepairReport back =
                new DualWriteRepair(fixture.mongoRepository, fixture.s3Repository, failures, 2).run();

        assertThat(back).isEqualTo(new DualWriteRepairReport(5, 5, 0, 0, 0, 0, 0));
        for (CodeLog log : missed) {
            assertThat(fixture.s3Repository.findById(log.id())).contains(log);
        }
        assertThat(failures.count()).isZero();
    }

    @Test
    void keepsOnlyTheRecordsWhoseRepairFailedAndReadsPastThem() {
        CodeLog good = fixture.mongoRepository.create(CodeLog.of(RUN, CODE, LogType.INFO, "good"));
        // A document the primary cannot read back as a log: its repair fails, the others go on.
        String unreadable = "65f1a2b3c4d5e6f708192a99";
        fixture.logs()
                .insertOne(new Document("_id", new ObjectId(unreadable))
                        .append("run_id", RUN)
                        .append("type", "info"));
        record(unreadable, "create");
        record(good.id(), "create");
        CodeLog later = fixture.mongoRepository.create(CodeLog.of(RUN, CODE, LogType.INFO, "later"));
        record(later.id(), "create");

        DualWriteRepairReport report =
                new DualWriteRepair(fixture.mongoRepository, fixture.s3Repository, failures, 2).run();

        assertThat(report).isEqualTo(new DualWriteRepairReport(3, 2, 0, 1, 0, 0, 0));
        assertThat(fixture.s3Repository.findById(good.id())).contains(good);
        assertThat(fixture.s3Repository.findById(later.id())).contains(later);
        assertThat(failures.oldest(10))
                .singleElement()
                .satisfies(kept -> assertThat(kept.logId()).isEqualTo(unreadable));
    }

    private DualWriteRepair repair() {
        return new DualWriteRepair(fixture.mongoRepository, fixture.s3Repository, failures);
    }

    @Override
    Instant recordedAt() {
        return Instant.ofEpochMilli(clockMillis.addAndGet(1_000));
    }
}
