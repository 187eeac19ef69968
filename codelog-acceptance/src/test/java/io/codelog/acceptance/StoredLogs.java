package io.codelog.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a row's stores hold after its children exit, read with plain clients behind the application's back. A
 * store the row does not configure is null here, and asking about it is a mistake of the test.
 */
final class StoredLogs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RawS3 s3;
    private final S3Place s3Place;
    private final RawMongo mongo;
    private final MongoPlace mongoPlace;

    StoredLogs(RawS3 s3, S3Place s3Place, RawMongo mongo, MongoPlace mongoPlace) {
        this.s3 = s3;
        this.s3Place = s3Place;
        this.mongo = mongo;
        this.mongoPlace = mongoPlace;
    }

    /** S3 holds the log at its one key of the standard layout, with the updated content. */
    void assertUpdatedInS3(String id, String runId, String codeId) {
        List<String> keys = s3.keys(s3Place.bucket(), s3Place.prefix() + "/logs/").stream()
                .filter(key -> key.endsWith("/" + id + ".json"))
                .toList();
        assertThat(keys).as("S3 keys of log %s", id).hasSize(1);
        assertThat(keys.get(0))
                .as("S3 key of log %s", id)
                .matches(
                        s3Place.prefix() + "/logs/\\d{4}/\\d{2}/\\d{2}/" + runId + "/" + codeId + "/" + id + "\\.json");
        JsonNode body = JSON.readTree(s3.body(s3Place.bucket(), keys.get(0)));
        assertThat(body.get("id").asString())
                .as("id in the S3 object of %s", id)
                .isEqualTo(id);
        assertThat(body.get("content").asString())
                .as("content in the S3 object of %s", id)
                .isEqualTo(AcceptanceScript.UPDATED);
    }

    /** No key anywhere in the bucket names the log: neither its object nor an index pointer. */
    void assertNotInS3(String id) {
        assertThat(s3.keys(s3Place.bucket(), ""))
                .as("S3 keys naming log %s", id)
                .noneMatch(key -> key.contains(id));
    }

    /** The bucket holds nothing at all: S3 was not built. */
    void assertS3Untouched() {
        assertThat(s3.keys(s3Place.bucket(), ""))
                .as("keys in bucket %s", s3Place.bucket())
                .isEmpty();
    }

    /** MongoDB holds the log document with the updated content. */
    void assertUpdatedInMongo(String id, String runId, String codeId) {
        Document log = mongo.log(mongoPlace.database(), id);
        assertThat(log).as("MongoDB document of log %s", id).isNotNull();
        assertThat(String.valueOf(log.get("run_id"))).as("run_id of %s", id).isEqualTo(runId);
        assertThat(String.valueOf(log.get("code_id"))).as("code_id of %s", id).isEqualTo(codeId);
        assertThat(log.getString("content")).as("content of %s in MongoDB", id).isEqualTo(AcceptanceScript.UPDATED);
    }

    /** MongoDB has no document of the log. */
    void assertNotInMongo(String id) {
        assertThat(mongo.log(mongoPlace.database(), id))
                .as("MongoDB document of log %s", id)
                .isNull();
    }

    /** MongoDB holds no log at all. */
    void assertNoLogsInMongo() {
        assertThat(mongo.all(mongoPlace.database(), RawMongo.LOGS))
                .as("documents in %s.%s", mongoPlace.database(), RawMongo.LOGS)
                .isEmpty();
    }

    /** No dual-write copy failed. */
    void assertNoDualWriteFailures() {
        assertThat(mongo.all(mongoPlace.database(), RawMongo.DUAL_WRITE_FAILURES))
                .as("recorded dual-write failures")
                .isEmpty();
    }

    /** The cleaner's lock is a ShedLock document in the logs' MongoDB database, and nothing is locked in S3. */
    void assertLockInMongo() {
        assertThat(mongo.lock(mongoPlace.database(), "codelog-retention"))
                .as("the codelog-retention lock in %s.%s", mongoPlace.database(), RawMongo.LOCKS)
                .isNotNull();
        if (s3Place != null) {
            assertThat(s3.keys(s3Place.bucket(), s3Place.prefix() + "/locks/"))
                    .as("lock objects in S3 although MongoDB is configured")
                    .isEmpty();
        }
    }

    /** The cleaner's lock is an object in the logs' bucket at {@code {prefix}/locks/codelog-retention}. */
    void assertLockInS3() {
        assertThat(s3.keys(s3Place.bucket(), s3Place.prefix() + "/locks/"))
                .as("lock objects under %s/locks/", s3Place.prefix())
                .containsExactly(s3Place.lockKey());
    }
}
