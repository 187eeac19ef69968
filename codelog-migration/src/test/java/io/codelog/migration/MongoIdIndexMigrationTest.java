package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLogIdIndex;
import io.codelog.mongo.MongoCodeLogIdIndex;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3IdIndex;
import io.codelog.s3.S3ObjectFormat;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With the S3 store's id index in MongoDB, the migration writes an entry for every log it copies (also for logs an
 * earlier run copied without one), writes no pointer object, and a rollback that frees the bucket leaves no entry
 * naming an object that is gone.
 */
@ExtendWith(TestServers.class)
class MongoIdIndexMigrationTest {

    private static final LocalDate FROM = LocalDate.of(2025, 5, 1);
    private static final int DAYS = 3;
    private static final int LOGS = 120;
    private static final String INDEX_COLLECTION = "codelog_id_index";

    private MigrationFixture fixture;
    private MongoCodeLogIdIndex index;
    private S3CodeLogSettings settings;
    private S3CodeLogRepository repository;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
        index = new MongoCodeLogIdIndex(fixture.mongo, INDEX_COLLECTION, Duration.ofDays(30));
        settings = fixture.s3Settings.withIdIndex(S3IdIndex.external(index));
        repository = new S3CodeLogRepository(fixture.s3, settings);
        new LogSeeder(7).seed(fixture.logs(), FROM, DAYS, LOGS);
    }

    @AfterEach
    void tearDown() {
        repository.close();
        fixture.close();
    }

    private MigrationEngine forward(S3CodeLogSettings s3Settings, S3CodeLogRepository s3Repository) {
        return MigrationEngine.mongoToS3(
                fixture.mongo, fixture.mongoSettings, fixture.s3, s3Settings, s3Repository, Clock.systemUTC());
    }

    private MigrationSummary migrate(MigrationEngine engine, String job) {
        return engine.migrate(MigrationJob.of(job, FROM, FROM.plusDays(DAYS)), MigrationListener.none())
                .call();
    }

    private long entries() {
        return fixture.mongo.getCollection(INDEX_COLLECTION).countDocuments();
    }

    /** Every log key in the bucket has an entry naming exactly that key. */
    private void assertEveryLogHasItsEntry() {
        S3ObjectFormat format = new S3ObjectFormat(settings);
        List<String> keys = fixture.keys("tenant-a/logs/");
        assertThat(keys).hasSize(LOGS);
        for (String key : keys) {
            String id = format.parse(key).orElseThrow().logId();
            assertThat(index.find(id).map(CodeLogIdIndex.Entry::location))
                    .as(id)
                    .contains(key);
        }
        assertThat(entries()).isEqualTo(LOGS);
    }

    @Test
    @DisplayName("every copied log gets its entry, 1 PUT and 1 MongoDB write each, and no pointer object")
    void copiesWriteEntries() {
        MigrationSummary summary = migrate(forward(settings, repository), "to-s3");

        assertThat(summary.complete()).isTrue();
        assertThat(summary.counts()).isEqualTo(new PartitionCounts(LOGS, LOGS, 0, 0));
        assertThat(summary.requests().count(RequestKind.S3_PUT)).isEqualTo(LOGS);
        assertEveryLogHasItsEntry();
        assertThat(fixture.keys("tenant-a/index/")).isEmpty();

        String someId = index.find(new S3ObjectFormat(settings)
                        .parse(fixture.keys("tenant-a/logs/").get(0))
                        .orElseThrow()
                        .logId())
                .orElseThrow()
                .id();
        fixture.resetCounts();
        assertThat(repository.findById(someId)).isPresent();
        assertThat(fixture.counter.snapshot()).containsOnlyKeys("GetObject").containsValue(1L);
    }

    @Test
    @DisplayName("logs an earlier run copied without an id index get their entries on the next run, then are skipped")
    void aLaterRunWritesTheEntriesAnEarlierOneDidNot() {
        S3CodeLogSettings withoutIndex = fixture.s3Settings.withIdIndex(S3IdIndex.none());
        try (S3CodeLogRepository noIndex = new S3CodeLogRepository(fixture.s3, withoutIndex)) {
            assertThat(migrate(forward(withoutIndex, noIndex), "first").counts().migrated())
                    .isEqualTo(LOGS);
        }
        assertThat(entries()).isZero();

        MigrationSummary second = migrate(forward(settings, repository), "second");

        assertThat(second.counts()).isEqualTo(new PartitionCounts(LOGS, LOGS, 0, 0));
        assertEveryLogHasItsEntry();
        MigrationSummary third = migrate(forward(settings, repository), "third");
        assertThat(third.counts())
                .as("log and entry present: nothing left to write")
                .isEqualTo(new PartitionCounts(LOGS, 0, LOGS, 0));
    }

    @Test
    @DisplayName("a rollback that deletes what it verified in the bucket deletes those logs' entries too")
    void rollbackLeavesNoEntryNamingAMissingObject() {
        migrate(forward(settings, repository), "to-s3");
        assertThat(entries()).isEqualTo(LOGS);
        MigrationEngine rollback = MigrationEngine.s3ToMongo(
                fixture.s3, settings, repository, fixture.mongo, fixture.mongoSettings, Clock.systemUTC());

        VerificationReport report =
                rollback.verify(VerifyJob.of(FROM, FROM.plusDays(DAYS)).withDeleteSourceAfterVerify(true));

        assertThat(report.deletedFromSource()).isEqualTo(LOGS);
        assertThat(fixture.keys("tenant-a/")).isEmpty();
        assertThat(entries()).isZero();
    }
}
