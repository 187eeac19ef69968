package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import io.codelog.core.MalformedCodeLogException;
import io.codelog.s3.S3ObjectFormat;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code deleteSourceAfterVerify} deletes a source log only after a live read of its copy, just before the
 * deletion: a copy deleted, replaced or corrupted after the pass listed it, or one the target store cannot read
 * (over the S3 store's byte cap), keeps its source, and the report says why.
 */
@ExtendWith(TestServers.class)
class SourceDeletionTest {

    private static final LocalDate DAY = LocalDate.of(2024, 9, 2);
    private static final String RUN = "65f1a2b3c4d5e6f708192a3b";
    private static final String CODE = "0b8e9f3a-6c2d-4f1e-9a7b-3c4d5e6f7a8b";
    private static final int LOGS = 10;

    private final MutableClock clock = MutableClock.at("2025-01-01T00:00:00Z");
    private MigrationFixture fixture;
    private S3ObjectFormat format;
    private List<CodeLog> logs;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
        format = new S3ObjectFormat(fixture.s3Settings);
        logs = new ArrayList<>();
        for (int i = 0; i < LOGS; i++) {
            logs.add(inBothStores(log(i, "line " + i)));
        }
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("mongo-to-s3: an S3 copy deleted after the pass listed its day keeps its MongoDB log")
    void copyDeletedAfterTheListing() {
        CodeLog victim = logs.get(4);
        MigrationEngine engine = changingTarget(fixture.forward(clock), victim.id(), () -> deleteObject(victim));

        VerificationReport report = engine.verify(deleting());

        assertThat(fixture.mongoRepository.findById(victim.id())).contains(victim);
        assertThat(report.deletedFromSource()).isEqualTo(LOGS - 1);
        assertThat(report.keptInSource()).isEqualTo(1);
        assertThat(report.missingInTarget()).isEqualTo(1);
        assertThat(report.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Difference.Kind.MISSING_IN_TARGET);
            assertThat(difference.logId()).isEqualTo(victim.id());
            assertThat(difference.detail()).contains("kept in the source");
        });
        assertThat(fixture.logs().countDocuments()).isEqualTo(1);
    }

    @Test
    @DisplayName("mongo-to-s3: an S3 copy replaced by another version after the listing keeps its MongoDB log")
    void copyReplacedAfterTheListing() {
        CodeLog victim = logs.get(2);
        MigrationEngine engine = changingTarget(
                fixture.forward(clock),
                victim.id(),
                () -> fixture.s3Repository.put(victim.withContent("another version", victim.updatedAt())));

        VerificationReport report = engine.verify(deleting());

        assertThat(fixture.mongoRepository.findById(victim.id())).contains(victim);
        assertThat(report.keptInSource()).isEqualTo(1);
        assertThat(report.different()).isEqualTo(1);
        assertThat(report.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Difference.Kind.DIFFERENT);
            assertThat(difference.detail()).contains("content").contains("kept in the source");
        });
    }

    @Test
    @DisplayName("mongo-to-s3: an S3 copy corrupted after the listing keeps its MongoDB log")
    void copyCorruptedAfterTheListing() {
        CodeLog victim = logs.get(7);
        MigrationEngine engine = changingTarget(
                fixture.forward(clock),
                victim.id(),
                () -> fixture.s3.putObject(
                        request -> request.bucket(fixture.bucket).key(format.logKey(victim)),
                        RequestBody.fromString("{oops")));

        VerificationReport report = engine.verify(deleting());

        assertThat(fixture.mongoRepository.findById(victim.id())).contains(victim);
        assertThat(report.keptInSource()).isEqualTo(1);
        assertThat(report.unreadable()).isEqualTo(1);
        assertThat(report.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Difference.Kind.UNREADABLE_TARGET);
            assertThat(difference.detail()).contains("kept in the source");
        });
    }

    @Test
    @DisplayName("mongo-to-s3: an S3 copy over the S3 store's byte cap, though byte for byte the log, keeps its"
            + " MongoDB log and the report says why")
    void copyOverTheByteCap() {
        CodeLog huge = inBothStores(log(LOGS, "x".repeat(1_100_000)));
        assertThatThrownBy(() -> fixture.s3Repository.findById(huge.id()))
                .as("the S3 store cannot read it")
                .isInstanceOf(MalformedCodeLogException.class);

        VerificationReport report = fixture.forward(clock).verify(deleting());

        assertThat(fixture.mongoRepository.findById(huge.id())).contains(huge);
        assertThat(report.deletedFromSource()).isEqualTo(LOGS);
        assertThat(report.keptInSource()).isEqualTo(1);
        assertThat(report.unreadable()).isEqualTo(1);
        assertThat(report.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Difference.Kind.UNREADABLE_TARGET);
            assertThat(difference.logId()).isEqualTo(huge.id());
            assertThat(difference.detail())
                    .contains("over the 1048576-byte limit")
                    .contains("kept in the source");
        });
    }

    @Test
    @DisplayName("mongo-to-s3: each deletion costs 1 GET of the S3 copy, on top of the pass's LISTs and HEADs")
    void oneGetPerDeletedLog() {
        fixture.resetCounts();

        VerificationReport report = fixture.forward(clock).verify(deleting());

        assertThat(report.deletedFromSource()).isEqualTo(LOGS);
        assertThat(fixture.counter.count("GetObject")).isEqualTo(LOGS);
        assertThat(report.requests().count(RequestKind.S3_GET)).isEqualTo(LOGS);
        assertThat(fixture.counter.count("HeadObject")).as("pointers").isEqualTo(LOGS);
        assertThat(fixture.counter.count("ListObjectsV2")).isEqualTo(1);
    }

    @Test
    @DisplayName("s3-to-mongo: a MongoDB copy deleted after its check keeps its S3 object and pointer")
    void rollbackCopyDeletedAfterTheCheck() {
        CodeLog victim = logs.get(5);
        MigrationEngine engine =
                changingTarget(fixture.rollback(clock), victim.id(), () -> fixture.mongoRepository.delete(victim.id()));

        VerificationReport report = engine.verify(deleting());

        assertThat(fixture.s3Repository.findById(victim.id())).contains(victim);
        assertThat(fixture.keys("tenant-a/logs/")).containsExactly(format.logKey(victim));
        assertThat(fixture.keys("tenant-a/index/")).containsExactly(format.indexKey(victim.id()));
        assertThat(report.deletedFromSource()).isEqualTo(LOGS - 1);
        assertThat(report.keptInSource()).isEqualTo(1);
        assertThat(report.missingInTarget()).isEqualTo(1);
    }

    private VerifyJob deleting() {
        return VerifyJob.of(DAY, DAY.plusDays(1)).withDeleteSourceAfterVerify(true);
    }

    private CodeLog inBothStores(CodeLog log) {
        fixture.mongoRepository.put(log);
        return fixture.s3Repository.put(log);
    }

    private static CodeLog log(int i, String content) {
        Instant created = DAY.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60L * (i + 1));
        String id = new ObjectId(Date.from(created), i).toHexString();
        return new CodeLog(id, RUN, CODE, LogType.INFO, content, created, created.plusMillis(5));
    }

    private void deleteObject(CodeLog log) {
        fixture.s3.deleteObject(request -> request.bucket(fixture.bucket).key(format.logKey(log)));
    }

    private MigrationEngine changingTarget(MigrationEngine engine, String victim, Runnable change) {
        return new MigrationEngine(
                engine.source(), new TargetChangedAfterCheck(engine.target(), victim, change), engine.state(), clock);
    }

    /**
     * The real target, whose copy of one log another writer changes right after the pass checked it: after the
     * listing of its day, before its source is deleted.
     */
    private static final class TargetChangedAfterCheck implements LogTarget {
        private final LogTarget target;
        private final String victim;
        private final Runnable change;

        TargetChangedAfterCheck(LogTarget target, String victim, Runnable change) {
            this.target = target;
            this.victim = victim;
            this.change = change;
        }

        @Override
        public String name() {
            return target.name();
        }

        @Override
        public TargetChecker checker(RequestGate gate) {
            TargetChecker checker = target.checker(gate);
            return log -> {
                TargetCopy copy = checker.check(log);
                if (log.id().equals(victim)) {
                    change.run();
                }
                return copy;
            };
        }

        @Override
        public void write(CodeLog log, RequestGate gate) {
            target.write(log, gate);
        }

        @Override
        public RequestCounts writeCost() {
            return target.writeCost();
        }

        @Override
        public long storedBytes(CodeLog log) {
            return target.storedBytes(log);
        }

        @Override
        public Optional<CodeLog> read(String id, RequestGate gate) {
            return target.read(id, gate);
        }

        @Override
        public LiveCheck checkLive(CodeLog log, RequestGate gate) {
            return target.checkLive(log, gate);
        }
    }
}
