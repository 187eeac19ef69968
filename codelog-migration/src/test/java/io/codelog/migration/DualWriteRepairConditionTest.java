package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.ConditionalCopyTarget;
import io.codelog.core.DualWriteCodeLogRepository;
import io.codelog.core.StoredVersion;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dual-write repair's conditional writes on the real servers: the secondary pauses between the repair's read of
 * its copy and the repair's write, the service writes the log through both stores in that pause, and the repair's
 * write then loses its condition and acts on what it reads again. Also: a copy written later than the primary's log
 * is left alone, and a log that changes in every round is left for the next run.
 */
class DualWriteRepairConditionTest extends DualWriteRepairCase {

    @Test
    @DisplayName("MongoDB primary: an update landing between the read of the S3 copy and its PUT wins; If-Match fails")
    void mongoPrimaryUpdateInThePause() {
        CodeLog old = fixture.mongoRepository.create(log("copied before the outage"));
        fixture.s3Repository.put(old);
        CodeLog missed = fixture.mongoRepository.update(old.id(), "update whose copy failed");
        record(missed.id(), "update");
        DualWriteCodeLogRepository service = service(fixture.mongoRepository, fixture.s3Repository);
        CodeLog[] newer = new CodeLog[1];
        PausingCopyTarget s3 = new PausingCopyTarget(
                fixture.s3Repository, () -> newer[0] = service.update(old.id(), "updated in the pause"));

        DualWriteRepairReport report = new DualWriteRepair(fixture.mongoRepository, s3, failures).run();

        assertThat(s3.paused).isTrue();
        assertThat(s3.writesRefused).as("the repair's PUT lost its If-Match").isEqualTo(1);
        assertThat(fixture.s3Repository.findById(old.id())).contains(newer[0]);
        assertThat(report).isEqualTo(new DualWriteRepairReport(1, 0, 0, 0, 0, 1, 0));
        assertThat(failures.count()).isZero();
    }

    @Test
    @DisplayName("MongoDB primary: a log written again between the read of the S3 copy and its delete stays")
    void mongoPrimaryRewriteInThePause() {
        CodeLog old = fixture.mongoRepository.create(log("deleted during the outage"));
        fixture.s3Repository.put(old);
        fixture.mongoRepository.delete(old.id());
        record(old.id(), "delete");
        DualWriteCodeLogRepository service = service(fixture.mongoRepository, fixture.s3Repository);
        CodeLog again = old.withContent("written again in the pause", Instant.now());
        PausingCopyTarget s3 = new PausingCopyTarget(fixture.s3Repository, () -> service.put(again));

        DualWriteRepairReport report = new DualWriteRepair(fixture.mongoRepository, s3, failures).run();

        assertThat(s3.writesRefused).as("the ETag the repair read was gone").isEqualTo(1);
        assertThat(fixture.s3Repository.findById(old.id())).contains(again);
        assertThat(report).isEqualTo(new DualWriteRepairReport(1, 0, 0, 0, 0, 1, 0));
    }

    @Test
    @DisplayName("S3 primary: an update landing between the read of the MongoDB copy and its replace wins")
    void s3PrimaryUpdateInThePause() {
        CodeLog old = fixture.s3Repository.create(log("copied before the outage"));
        fixture.mongoRepository.put(old);
        CodeLog missed = fixture.s3Repository.update(old.id(), "update whose copy failed");
        record(missed.id(), "update");
        DualWriteCodeLogRepository service = service(fixture.s3Repository, fixture.mongoRepository);
        CodeLog[] newer = new CodeLog[1];
        PausingCopyTarget mongo = new PausingCopyTarget(
                fixture.mongoRepository, () -> newer[0] = service.update(old.id(), "updated in the pause"));

        DualWriteRepairReport report = new DualWriteRepair(fixture.s3Repository, mongo, failures).run();

        assertThat(mongo.writesRefused)
                .as("the updated_at the repair read was gone")
                .isEqualTo(1);
        assertThat(fixture.mongoRepository.findById(old.id())).contains(newer[0]);
        assertThat(report).isEqualTo(new DualWriteRepairReport(1, 0, 0, 0, 0, 1, 0));
    }

    @Test
    @DisplayName("S3 primary: a delete landing between the read of the MongoDB copy and its replace is not undone")
    void s3PrimaryDeleteInThePause() {
        CodeLog old = fixture.s3Repository.create(log("copied before the outage"));
        fixture.mongoRepository.put(old);
        CodeLog missed = fixture.s3Repository.update(old.id(), "update whose copy failed");
        record(missed.id(), "update");
        DualWriteCodeLogRepository service = service(fixture.s3Repository, fixture.mongoRepository);
        PausingCopyTarget mongo = new PausingCopyTarget(fixture.mongoRepository, () -> service.delete(old.id()));

        DualWriteRepairReport report = new DualWriteRepair(fixture.s3Repository, mongo, failures).run();

        assertThat(mongo.writesRefused).isEqualTo(1);
        assertThat(fixture.mongoRepository.findById(old.id())).isEmpty();
        assertThat(fixture.logs().countDocuments()).isZero();
        assertThat(report).isEqualTo(new DualWriteRepairReport(1, 0, 0, 0, 0, 1, 0));
    }

    @Test
    @DisplayName("a copy written later than the primary's log (by updatedAt) is left as it is, and counted")
    void laterCopyLeftAlone() {
        CodeLog primaryLog = fixture.mongoRepository.create(log("in MongoDB"));
        CodeLog later = fixture.s3Repository.put(
                primaryLog.withContent("written later", primaryLog.updatedAt().plusSeconds(5)));
        record(primaryLog.id(), "create");
        fixture.resetCounts();

        DualWriteRepairReport report =
                new DualWriteRepair(fixture.mongoRepository, fixture.s3Repository, failures).run();

        assertThat(fixture.s3Repository.findById(primaryLog.id())).contains(later);
        assertThat(fixture.counter.count("PutObject")).isZero();
        assertThat(report).isEqualTo(new DualWriteRepairReport(1, 0, 0, 0, 0, 0, 1));
        assertThat(failures.count()).isZero();
    }

    @Test
    @DisplayName("a log that changes in every round is left for the next run after " + LogRepair.MAX_ROUNDS + " rounds")
    void logThatKeepsChanging() {
        CodeLog busy = fixture.mongoRepository.create(log("busy"));
        record(busy.id(), "create");
        int[] updates = new int[1];
        // Updates of the primary whose copies are still on their way, one before each write of the repair.
        PausingCopyTarget s3 = new PausingCopyTarget(fixture.s3Repository, null) {
            @Override
            public boolean putIfUnchanged(CodeLog log, StoredVersion read) {
                fixture.mongoRepository.update(busy.id(), "update " + ++updates[0]);
                return super.putIfUnchanged(log, read);
            }
        };

        DualWriteRepairReport report = new DualWriteRepair(fixture.mongoRepository, s3, failures).run();

        assertThat(report).isEqualTo(new DualWriteRepairReport(1, 0, 0, 1, 0, 0, 0));
        assertThat(updates[0]).isEqualTo(LogRepair.MAX_ROUNDS);
        assertThat(failures.count()).as("kept for the next run").isEqualTo(1);

        DualWriteRepairReport next = new DualWriteRepair(fixture.mongoRepository, fixture.s3Repository, failures).run();

        assertThat(next).isEqualTo(new DualWriteRepairReport(1, 1, 0, 0, 0, 0, 0));
        assertThat(fixture.s3Repository.findById(busy.id())).isEqualTo(fixture.mongoRepository.findById(busy.id()));
    }

    /**
     * The real secondary store, which runs a write of the service once, between the repair's first read of a copy
     * and its first conditional write, and counts the writes whose condition failed.
     */
    private static class PausingCopyTarget implements ConditionalCopyTarget {
        private final ConditionalCopyTarget store;
        private final Runnable inThePause;
        boolean paused;
        int writesRefused;

        PausingCopyTarget(ConditionalCopyTarget store, Runnable inThePause) {
            this.store = store;
            this.inThePause = inThePause;
        }

        @Override
        public StoredVersion readVersion(String id) {
            return store.readVersion(id);
        }

        @Override
        public StoredVersion readVersion(CodeLog log) {
            return store.readVersion(log);
        }

        @Override
        public boolean putIfUnchanged(CodeLog log, StoredVersion read) {
            pause();
            return counted(store.putIfUnchanged(log, read));
        }

        @Override
        public boolean deleteIfUnchanged(StoredVersion read) {
            pause();
            return counted(store.deleteIfUnchanged(read));
        }

        private void pause() {
            if (!paused && inThePause != null) {
                paused = true;
                inThePause.run();
            }
        }

        private boolean counted(boolean written) {
            if (!written) {
                writesRefused++;
            }
            return written;
        }
    }
}
