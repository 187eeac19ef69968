package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.LocalDate;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** A dry run reads and checks everything, writes nothing anywhere, and prices the real run exactly. */
@ExtendWith(TestServers.class)
class DryRunTest {

    private static final LocalDate FROM = LocalDate.of(2024, 6, 1);
    private static final int DAYS = 5;
    private static final int LOGS = 500;

    private final MutableClock clock = MutableClock.at("2025-01-01T00:00:00Z");
    private MigrationFixture fixture;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
        new LogSeeder(11).seed(fixture.logs(), FROM, DAYS, LOGS);
        fixture.logs().insertOne(new Document("_id", new ObjectId()).append("content", "no ids, no date"));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("writes 0 objects, 0 checkpoints and 0 quarantine entries, and its estimate is what the real run"
            + " then costs")
    void estimatesWithoutWriting() {
        MigrationEngine engine = fixture.forward(clock);
        fixture.resetCounts();

        MigrationSummary dry = engine.migrate(
                        MigrationJob.of("dry", FROM, FROM.plusDays(DAYS)).withDryRun(true), MigrationListener.none())
                .call();

        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.complete()).isTrue();
        assertThat(dry.counts()).isEqualTo(new PartitionCounts(LOGS + 1, LOGS, 0, 1));
        assertThat(fixture.counter.count("PutObject")).isZero();
        assertThat(fixture.counter.count("DeleteObjects")).isZero();
        assertThat(fixture.keys("")).isEmpty();
        assertThat(fixture.partitionsCollection().countDocuments()).isZero();
        assertThat(engine.state().quarantineCount("dry")).isZero();
        assertThat(dry.quarantineSample())
                .singleElement()
                .satisfies(entry -> assertThat(entry.partition()).isEqualTo(PartitionStatus.UNDATED));
        assertThat(dry.requests().count(RequestKind.S3_LIST)).isEqualTo(DAYS);
        assertThat(dry.estimate().putClassRequests()).isEqualTo(2L * LOGS + DAYS);
        assertThat(dry.estimate().storedBytes()).isPositive();
        assertThat(dry.estimate().requestsUsd()).isCloseTo((2.0 * LOGS + DAYS) / 1000 * 0.005, within(1e-12));
        assertThat(dry.estimate().storageUsdPerMonth())
                .isCloseTo(dry.estimate().storedBytes() / (1024.0 * 1024 * 1024) * 0.023, within(1e-12));

        fixture.resetCounts();
        MigrationSummary real = engine.migrate(
                        MigrationJob.of("dry", FROM, FROM.plusDays(DAYS)), MigrationListener.none())
                .call();

        assertThat(real.counts()).isEqualTo(dry.counts());
        assertThat(fixture.counter.count("PutObject") + fixture.counter.count("ListObjectsV2"))
                .isEqualTo(dry.estimate().putClassRequests());
        assertThat(real.estimate()).isEqualTo(dry.estimate());
    }

    @Test
    @DisplayName("the summary is one JSON object with the counts, requests and estimate")
    void summaryIsJson() {
        MigrationSummary dry = fixture.forward(clock)
                .migrate(
                        MigrationJob.of("dry-json", FROM, FROM.plusDays(DAYS)).withDryRun(true),
                        MigrationListener.none())
                .call();

        String json = dry.toJson();

        try (JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            parser.skipChildren();
            assertThat(parser.nextToken()).as("nothing after the object").isNull();
        }
        assertThat(json)
                .startsWith("{\"job_id\":\"dry-json\"")
                .contains("\"dry_run\":true", "\"complete\":true")
                .contains("\"counts\":{\"read\":" + (LOGS + 1) + ",\"migrated\":" + LOGS + ",\"skipped\":0,"
                        + "\"quarantined\":1}")
                .contains("\"requests\":{\"s3_list\":" + DAYS + "}")
                .contains("\"put_class_requests\":" + (2 * LOGS + DAYS))
                .contains("\"reason\":\"run_id is missing\"")
                .doesNotContain("no ids, no date");
    }
}
