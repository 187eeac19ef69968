package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogJson;
import io.codelog.core.LogType;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** Bad source data never stops a run and is never dropped: it lands in the quarantine, without its content. */
@ExtendWith(TestServers.class)
class QuarantineTest {

    private static final LocalDate DAY = LocalDate.of(2024, 11, 2);
    private static final Instant NOON = Instant.parse("2024-11-02T12:00:00Z");
    private static final String SECRET = "SECRET-CONTENT-do-not-copy";
    private static final String RUN = "65f1a2b3c4d5e6f708192a3b";
    private static final String CODE = "65f1a2b3c4d5e6f708192a3c";

    private final MutableClock clock = MutableClock.at("2025-01-01T00:00:00Z");
    private MigrationFixture fixture;

    @BeforeEach
    void setUp(MongoTestServer mongo, S3TestServer s3) {
        fixture = new MigrationFixture(mongo, s3);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("MongoDB documents with missing or invalid fields are quarantined with a reason, once each, and"
            + " the good ones are migrated")
    void badMongoDocuments() {
        new LogSeeder(3).seed(fixture.logs(), DAY, 1, 20);
        ObjectId missingRun = new ObjectId();
        ObjectId badRun = new ObjectId();
        ObjectId badType = new ObjectId();
        ObjectId textDate = new ObjectId();
        ObjectId noDate = new ObjectId();
        ObjectId zeroDate = new ObjectId();
        ObjectId badNanos = new ObjectId();
        fixture.logs()
                .insertMany(List.of(
                        bad(missingRun).append("created_at", Date.from(NOON)),
                        bad(badRun).append("run_id", "not-an-id").append("created_at", Date.from(NOON)),
                        bad(7).append("created_at", Date.from(NOON)),
                        bad(badType).append("type", "verbose").append("created_at", Date.from(NOON)),
                        bad(textDate).append("created_at", "2024-11-02T12:00:00Z"),
                        bad(noDate),
                        bad(zeroDate).append("created_at", Date.from(Instant.parse("0001-01-01T00:00:00Z"))),
                        bad(badNanos).append("created_at", Date.from(NOON)).append("created_at_ns", -5)));
        fixture.logs().updateOne(Filters.eq("_id", missingRun), Updates.unset("run_id"));
        MigrationEngine engine = fixture.forward(clock);

        MigrationSummary summary = engine.migrate(MigrationJob.of("q", DAY, DAY.plusDays(1)), MigrationListener.none())
                .call();

        assertThat(summary.complete()).isTrue();
        assertThat(summary.counts()).isEqualTo(new PartitionCounts(28, 20, 0, 8));
        Map<String, String> reasons = reasons(engine, "q");
        assertThat(reasons)
                .containsEntry(missingRun.toHexString(), "run_id is missing")
                .containsEntry("Integer:7", "id is of type Integer, not an ObjectId or string")
                .containsEntry(badType.toHexString(), "type is missing or not debug, info or error")
                .containsEntry(textDate.toHexString(), "created_at is of type String, not a date")
                .containsEntry(noDate.toHexString(), "created_at is missing or the zero time")
                .containsEntry(zeroDate.toHexString(), "created_at is missing or the zero time")
                .containsEntry(badNanos.toHexString(), "created_at_ns is not an integer from 0 to 999999");
        assertThat(reasons.get(badRun.toHexString())).startsWith("Invalid run_id: must be a 24-hex ObjectId");
        assertThat(reasons.values()).noneMatch(reason -> reason.contains(SECRET));
        assertThat(engine.state().quarantine("q", 100))
                .allSatisfy(entry -> assertThat(entry.source()).isEqualTo("mongo"))
                .extracting(QuarantineEntry::partition)
                .containsOnly(DAY.toString(), PartitionStatus.UNDATED);
        assertThat(fixture.keys("tenant-a/logs/")).hasSize(20);

        fixture.partitionsCollection()
                .updateMany(
                        Filters.eq("job_id", "q"),
                        Updates.combine(
                                Updates.set("state", "PENDING"),
                                Updates.set("last_position", null),
                                Updates.set("counts.read", 0)));
        MigrationSummary again = engine.migrate(MigrationJob.of("q", DAY, DAY.plusDays(1)), MigrationListener.none())
                .call();
        assertThat(again.counts()).isEqualTo(new PartitionCounts(28, 0, 20, 8));
        assertThat(engine.state().quarantineCount("q")).as("recorded once each").isEqualTo(8);
    }

    @Test
    @DisplayName("S3 objects that are not JSON, not gzip, not under the layout or whose ids disagree with their key"
            + " are quarantined by a rollback, and the readable ones are copied")
    void badS3Objects() {
        for (int i = 0; i < 10; i++) {
            fixture.s3Repository.put(new CodeLog(
                    new ObjectId(Date.from(NOON), i).toHexString(),
                    RUN,
                    CODE,
                    LogType.INFO,
                    "good " + i,
                    NOON.plusSeconds(i),
                    NOON.plusSeconds(i)));
        }
        String day = "tenant-a/logs/2024/11/02/";
        String otherId = new ObjectId().toHexString();
        CodeLog misfiled = new CodeLog(otherId, RUN, CODE, LogType.INFO, SECRET, NOON, NOON);
        putRaw(day + RUN + "/" + CODE + "/" + new ObjectId().toHexString() + ".json", "{not json " + SECRET, null);
        putRaw(day + RUN + "/" + CODE + "/" + new ObjectId().toHexString() + ".json", "not gzip", "gzip");
        putRaw(day + "junk.txt", SECRET, null);
        putRaw(
                day + RUN + "/" + CODE + "/" + new ObjectId().toHexString() + ".json",
                new String(new CodeLogJson().write(misfiled)),
                null);
        MigrationEngine rollback = fixture.rollback(clock);

        MigrationSummary summary = rollback.migrate(
                        MigrationJob.of("q-s3", DAY, DAY.plusDays(1)), MigrationListener.none())
                .call();

        assertThat(summary.counts()).isEqualTo(new PartitionCounts(14, 10, 0, 4));
        Map<String, String> reasons = reasons(rollback, "q-s3");
        assertThat(reasons)
                .containsEntry(day + "junk.txt", "the key is not {day}/{run_id}/{code_id}/{id}.json with valid ids");
        assertThat(reasons.values())
                .contains("not a valid gzip body", "the ids in the body do not match the ids in the key")
                .anyMatch(reason -> reason.startsWith("invalid JSON at byte"))
                .noneMatch(reason -> reason.contains(SECRET));
        assertThat(fixture.logs().countDocuments()).isEqualTo(10);
        assertThat(fixture.mongoRepository.findById(otherId)).isEmpty();
    }

    private static Document bad(Object id) {
        return new Document("_id", id)
                .append("run_id", RUN)
                .append("code_id", CODE)
                .append("type", "info")
                .append("content", SECRET);
    }

    private void putRaw(String key, String body, String contentEncoding) {
        fixture.s3.putObject(
                request -> request.bucket(fixture.bucket).key(key).contentEncoding(contentEncoding),
                RequestBody.fromString(body));
    }

    private static Map<String, String> reasons(MigrationEngine engine, String jobId) {
        return engine.state().quarantine(jobId, 100).stream()
                .collect(Collectors.toMap(QuarantineEntry::sourceKey, QuarantineEntry::reason));
    }
}
