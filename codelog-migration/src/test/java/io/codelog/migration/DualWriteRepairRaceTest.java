package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.DualWriteCodeLogRepository;
import io.codelog.test.ForwardingCodeLogRepository;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dual-write repair raced by the dual write itself, on the real servers: a write of the service lands in both
 * stores after the repair read the primary and before it writes the secondary. The repair must leave the newer
 * write in place and never bring back a log the service deleted, in both directions.
 */
class DualWriteRepairRaceTest extends DualWriteRepairCase {

    @Test
    @DisplayName("MongoDB primary: an update that reaches both stores after the repair read MongoDB stays in S3")
    void mongoPrimaryUpdateLandsAfterTheRepairRead() {
        CodeLog missed = fixture.mongoRepository.create(log("copy to S3 failed"));
        record(missed.id(), "create");
        DualWriteCodeLogRepository service = service(fixture.mongoRepository, fixture.s3Repository);
        CodeLog[] newer = new CodeLog[1];
        RacingPrimary primary = new RacingPrimary(
                fixture.mongoRepository, missed.id(), id -> newer[0] = service.update(id, "updated during repair"));

        DualWriteRepairReport report = new DualWriteRepair(primary, fixture.s3Repository, failures).run();

        assertThat(primary.raced)
                .as("the service wrote between the repair's read and write")
                .isTrue();
        assertThat(fixture.s3Repository.findById(missed.id())).contains(newer[0]);
        assertThat(fixture.mongoRepository.findById(missed.id())).contains(newer[0]);
        assertThat(report)
                .as("the service's copy was newer than the read, then equal to the primary read again")
                .isEqualTo(new DualWriteRepairReport(1, 0, 0, 0, 0, 1, 0));
        assertThat(failures.count()).isZero();
    }

    @Test
    @DisplayName("MongoDB primary: a delete that reaches both stores after the repair read MongoDB is not undone")
    void mongoPrimaryDeleteLandsAfterTheRepairRead() {
        CodeLog missed = fixture.mongoRepository.create(log("copy to S3 failed, then deleted"));
        record(missed.id(), "create");
        DualWriteCodeLogRepository service = service(fixture.mongoRepository, fixture.s3Repository);
        RacingPrimary primary = new RacingPrimary(fixture.mongoRepository, missed.id(), service::delete);

        DualWriteRepairReport report = new DualWriteRepair(primary, fixture.s3Repository, failures).run();

        assertThat(primary.raced).isTrue();
        assertThat(fixture.mongoRepository.findById(missed.id())).isEmpty();
        assertThat(fixture.s3Repository.findById(missed.id()))
                .as("the deleted log in S3")
                .isEmpty();
        assertThat(fixture.keys("tenant-a/logs/")).isEmpty();
        assertThat(fixture.keys("tenant-a/index/")).isEmpty();
        assertThat(report)
                .as("copied into the empty S3, then deleted once MongoDB was read again")
                .isEqualTo(new DualWriteRepairReport(1, 0, 1, 0, 0, 0, 0));
    }

    @Test
    @DisplayName("S3 primary: an update that reaches both stores after the repair read S3 stays in MongoDB")
    void s3PrimaryUpdateLandsAfterTheRepairRead() {
        CodeLog missed = fixture.s3Repository.create(log("copy to MongoDB failed"));
        record(missed.id(), "create");
        DualWriteCodeLogRepository service = service(fixture.s3Repository, fixture.mongoRepository);
        CodeLog[] newer = new CodeLog[1];
        RacingPrimary primary = new RacingPrimary(
                fixture.s3Repository, missed.id(), id -> newer[0] = service.update(id, "updated during repair"));

        DualWriteRepairReport report = new DualWriteRepair(primary, fixture.mongoRepository, failures).run();

        assertThat(primary.raced).isTrue();
        assertThat(fixture.mongoRepository.findById(missed.id())).contains(newer[0]);
        assertThat(fixture.s3Repository.findById(missed.id())).contains(newer[0]);
        assertThat(report).isEqualTo(new DualWriteRepairReport(1, 0, 0, 0, 0, 1, 0));
    }

    @Test
    @DisplayName("S3 primary: a delete that reaches both stores after the repair read S3 is not undone")
    void s3PrimaryDeleteLandsAfterTheRepairRead() {
        CodeLog missed = fixture.s3Repository.create(log("copy to MongoDB failed, then deleted"));
        record(missed.id(), "create");
        DualWriteCodeLogRepository service = service(fixture.s3Repository, fixture.mongoRepository);
        RacingPrimary primary = new RacingPrimary(fixture.s3Repository, missed.id(), service::delete);

        DualWriteRepairReport report = new DualWriteRepair(primary, fixture.mongoRepository, failures).run();

        assertThat(primary.raced).isTrue();
        assertThat(fixture.s3Repository.findById(missed.id())).isEmpty();
        assertThat(fixture.mongoRepository.findById(missed.id()))
                .as("the deleted log in MongoDB")
                .isEmpty();
        assertThat(fixture.logs().countDocuments()).isZero();
        assertThat(report).isEqualTo(new DualWriteRepairReport(1, 0, 1, 0, 0, 0, 0));
    }

    /**
     * The real primary store, which lets the service write one log through both stores right after the repair's
     * first read of it, and before the repair does anything else.
     */
    private static final class RacingPrimary extends ForwardingCodeLogRepository {
        private final String raceOn;
        private final Consumer<String> race;
        private boolean raced;

        RacingPrimary(CodeLogRepository store, String raceOn, Consumer<String> race) {
            super(store);
            this.raceOn = raceOn;
            this.race = race;
        }

        @Override
        public Optional<CodeLog> findById(String id) {
            Optional<CodeLog> read = super.findById(id);
            if (!raced && id.equals(raceOn)) {
                raced = true;
                race.accept(id);
            }
            return read;
        }
    }
}
