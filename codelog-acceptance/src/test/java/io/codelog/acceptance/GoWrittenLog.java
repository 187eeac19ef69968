package io.codelog.acceptance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * A log as the Go service wrote it, for the application's {@code deleteOlder} to find: ObjectId ids whose seconds
 * are its creation time, and either an S3 object at the Go key layout ({@code {prefix}/logs/yyyy/MM/dd/{run}/
 * {code}/{id}.json}, dated by the service's local day at -03:00, with its metadata) or a MongoDB document of
 * the Go shape (ObjectId ids, dates without the Java store's nanosecond fields).
 *
 * @param id the log's id
 * @param runId its run's id
 * @param codeId its code's id
 * @param content its text
 * @param createdAt when the service wrote it
 */
record GoWrittenLog(String id, String runId, String codeId, String content, Instant createdAt) {

    private static final ZoneOffset SERVICE_OFFSET = ZoneOffset.of("-03:00");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    /** A log of its own run and code, written {@code days} days ago. */
    static GoWrittenLog writtenDaysAgo(long days, String content) {
        Instant created = Instant.now().minus(Duration.ofDays(days));
        return new GoWrittenLog(ObjectIds.at(created), ObjectIds.at(created), ObjectIds.at(created), content, created);
    }

    /** Writes it into the bucket as the Go service's S3 store did. */
    void writeTo(RawS3 s3, S3Place place) {
        s3.put(place.bucket(), s3Key(place.prefix()), s3Body(), s3Metadata());
    }

    /** Writes it into the database as the Go service's MongoDB store did. */
    void writeTo(RawMongo mongo, MongoPlace place) {
        Date created = Date.from(createdAt);
        mongo.insert(
                place.database(),
                RawMongo.LOGS,
                new Document("_id", new ObjectId(id))
                        .append("run_id", new ObjectId(runId))
                        .append("code_id", new ObjectId(codeId))
                        .append("type", "info")
                        .append("content", content)
                        .append("created_at", created)
                        .append("updated_at", created));
    }

    /** The object's key: the day is the service's local day, which may be the UTC day before. */
    String s3Key(String prefix) {
        LocalDate day = createdAt.atOffset(SERVICE_OFFSET).toLocalDate();
        return prefix + "/logs/" + DAY.format(day) + "/" + runId + "/" + codeId + "/" + id + ".json";
    }

    /** Go's json.Marshal of the struct: its field order, RFC 3339 times with trailing zeros of the fraction cut. */
    private String s3Body() {
        String time = goTime(true);
        return "{\"id\":\"" + id + "\",\"run_id\":\"" + runId + "\",\"code_id\":\"" + codeId
                + "\",\"type\":\"info\",\"content\":\"" + jsonEscaped(content) + "\",\"created_at\":\"" + time
                + "\",\"updated_at\":\"" + time + "\"}";
    }

    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private Map<String, String> s3Metadata() {
        return Map.of("run-id", runId, "code-id", codeId, "log-type", "info", "created-at", goTime(false));
    }

    private String goTime(boolean withFraction) {
        String fraction = "";
        if (withFraction && createdAt.getNano() != 0) {
            fraction = "." + String.format("%09d", createdAt.getNano()).replaceAll("0+$", "");
        }
        return SECONDS.format(createdAt.atOffset(SERVICE_OFFSET)) + fraction + SERVICE_OFFSET.getId();
    }
}
