package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.mongo.MongoCodeLogDocuments;
import io.codelog.s3.S3ObjectFormat;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** Verify finds what differs between the stores, repair copies it, and deleteSourceAfterVerify frees the source. */
@ExtendWith(TestServers.class)
class VerifyTest {

    private static final LocalDate FROM = LocalDate.of(2024, 9, 1);
    private static final int DAYS = 3;
    private static final int LOGS = 300;

    private final MutableClock clock = MutableClock.at("2025-01-01T00:00:00Z");
    private MigrationFixture fixture;
    private MigrationEngine engine;
    private List<CodeLog> migrated;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
        new LogSeeder(23).seed(fixture.logs(), FROM, DAYS, LOGS);
        engine = fixture.forward(clock);
        engine.migrate(MigrationJob.of("verify", FROM, FROM.plusDays(DAYS)), MigrationListener.none())
                .call();
        migrated = new ArrayList<>();
        fixture.logs().find().limit(20).forEach(document -> migrated.add(MongoCodeLogDocuments.read(document)));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("reports missing, different and unreadable logs with the fields that differ, then repair makes"
            + " every log equal")
    void findsAndRepairs() {
        S3ObjectFormat keys = new S3ObjectFormat(fixture.s3Settings);
        for (CodeLog log : migrated.subList(0, 5)) {
            fixture.s3.deleteObject(request -> request.bucket(fixture.bucket).key(keys.logKey(log)));
            fixture.s3.deleteObject(request -> request.bucket(fixture.bucket).key(keys.indexKey(log.id())));
        }
        for (CodeLog log : migrated.subList(5, 9)) {
            fixture.s3Repository.update(log.id(), "tampered");
        }
        CodeLog corrupted = migrated.get(9);
        fixture.s3.putObject(
                request -> request.bucket(fixture.bucket).key(keys.logKey(corrupted)), RequestBody.fromString("{oops"));

        VerificationReport report =
                engine.verify(VerifyJob.of(FROM, FROM.plusDays(DAYS)).withMaxDifferences(7));

        assertThat(report.checked()).isEqualTo(LOGS);
        assertThat(report.missingInTarget()).isEqualTo(5);
        assertThat(report.different()).isEqualTo(4);
        assertThat(report.unreadable()).isEqualTo(1);
        assertThat(report.equal()).isEqualTo(LOGS - 10);
        assertThat(report.repaired()).isZero();
        assertThat(report.differences()).hasSize(7);
        VerificationReport all = engine.verify(VerifyJob.of(FROM, FROM.plusDays(DAYS)));
        assertThat(all.differences())
                .filteredOn(difference -> difference.kind() == Difference.Kind.DIFFERENT)
                .hasSize(4)
                .allSatisfy(difference -> assertThat(difference.detail()).isEqualTo("content, updated_at"));
        assertThat(all.differences())
                .filteredOn(difference -> difference.kind() == Difference.Kind.UNREADABLE_TARGET)
                .singleElement()
                .satisfies(difference -> assertThat(difference.logId()).isEqualTo(corrupted.id()));
        assertThat(all.differences())
                .filteredOn(difference -> difference.kind() == Difference.Kind.MISSING_IN_TARGET)
                .extracting(Difference::logId)
                .containsExactlyInAnyOrderElementsOf(
                        migrated.subList(0, 5).stream().map(CodeLog::id).toList());

        VerificationReport repair =
                engine.verify(VerifyJob.of(FROM, FROM.plusDays(DAYS)).withRepair(true));

        assertThat(repair.repaired()).isEqualTo(10);
        VerificationReport after = engine.verify(VerifyJob.of(FROM, FROM.plusDays(DAYS)));
        assertThat(after.allEqual()).isTrue();
        assertThat(after.checked()).isEqualTo(LOGS);
        for (CodeLog log : migrated.subList(0, 10)) {
            assertThat(fixture.s3Repository.findById(log.id())).contains(log);
        }
    }

    @Test
    @DisplayName("deleteSourceAfterVerify deletes only logs verified equal, and keeps one changed after it was"
            + " compared")
    void deletesOnlyVerifiedLogs() {
        for (CodeLog log : migrated.subList(0, 3)) {
            fixture.mongoRepository.update(log.id(), "changed in the source after the migration");
        }
        String changedDuringVerify = migrated.get(3).id();
        MigrationEngine racing = new MigrationEngine(
                new SourceChangedBeforeDelete(engine.source(), changedDuringVerify, fixture),
                engine.target(),
                engine.state(),
                clock);

        VerificationReport report =
                racing.verify(VerifyJob.of(FROM, FROM.plusDays(DAYS)).withDeleteSourceAfterVerify(true));

        assertThat(report.different()).isEqualTo(3);
        assertThat(report.equal()).isEqualTo(LOGS - 3);
        assertThat(report.deletedFromSource()).isEqualTo(LOGS - 4);
        assertThat(report.keptInSource()).isEqualTo(1);
        assertThat(fixture.logs().countDocuments()).isEqualTo(4);
        assertThat(fixture.mongoRepository.findById(changedDuringVerify)).isPresent();
        for (CodeLog log : migrated.subList(0, 3)) {
            assertThat(fixture.mongoRepository.findById(log.id())).isPresent();
        }
        assertThat(fixture.keys("tenant-a/logs/")).hasSize(LOGS);
    }

    /** A source whose one log is changed by another writer between its comparison and its deletion. */
    private record SourceChangedBeforeDelete(LogSource delegate, String id, MigrationFixture fixture)
            implements LogSource {
        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public List<String> partitions(LocalDate from, LocalDate toExclusive, boolean includeUndated) {
            return delegate.partitions(from, toExclusive, includeUndated);
        }

        @Override
        public SourceCursor open(String partition, String resumeAfter, int batchSize, RequestGate gate) {
            return delegate.open(partition, resumeAfter, batchSize, gate);
        }

        @Override
        public SourceLog read(SourceEntry entry, RequestGate gate) {
            return delegate.read(entry, gate);
        }

        @Override
        public boolean deleteIfUnchanged(SourceLog read, RequestGate gate) {
            if (read.log().id().equals(id)) {
                Object rawId = ((Document) read.entry().origin()).get("_id");
                fixture.logs().updateOne(Filters.eq("_id", rawId), Updates.set("content", "a late write"));
            }
            return delegate.deleteIfUnchanged(read, gate);
        }

        @Override
        public CodeLogRepository repository() {
            return delegate.repository();
        }
    }
}
