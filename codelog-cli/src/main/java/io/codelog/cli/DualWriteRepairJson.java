package io.codelog.cli;

import io.codelog.migration.DualWriteRepairReport;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What {@code codelog repair-dual-write} did, or would do, as one JSON object, named like the other reports
 * (snake case).
 */
final class DualWriteRepairJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private DualWriteRepairJson() {}

    /** A dry run: the failure records waiting, nothing repaired. */
    static String dryRun(String primary, String secondary, String failureCollection, long recorded) {
        return object(json -> {
            header(json, primary, secondary, failureCollection, true);
            json.writeNumberProperty("recorded", recorded);
        });
    }

    /** A repair: the counts of the report, its duration and the S3 requests it made, by operation. */
    static String repair(
            String primary,
            String secondary,
            String failureCollection,
            DualWriteRepairReport report,
            Duration elapsed,
            Map<String, Long> s3Requests) {
        return object(json -> {
            header(json, primary, secondary, failureCollection, false);
            json.writeNumberProperty("failures", report.failures());
            json.writeNumberProperty("copied", report.copied());
            json.writeNumberProperty("deleted_from_secondary", report.deletedFromSecondary());
            json.writeNumberProperty("already_repaired", report.alreadyRepaired());
            json.writeNumberProperty("newer_in_secondary", report.newerInSecondary());
            json.writeNumberProperty("range_operations", report.rangeOperations());
            json.writeNumberProperty("still_failing", report.stillFailing());
            json.writeBooleanProperty("complete", report.complete());
            json.writeNumberProperty("elapsed_seconds", elapsed.toMillis() / 1000.0);
            json.writeName("s3_requests");
            json.writeStartObject();
            s3Requests.forEach((operation, count) -> json.writeNumberProperty(operation, count.longValue()));
            json.writeEndObject();
        });
    }

    private static void header(
            JsonGenerator json, String primary, String secondary, String failureCollection, boolean dryRun) {
        json.writeStringProperty("primary", primary);
        json.writeStringProperty("secondary", secondary);
        json.writeStringProperty("failure_collection", failureCollection);
        json.writeBooleanProperty("dry_run", dryRun);
    }

    private static String object(Consumer<JsonGenerator> fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            fields.accept(json);
            json.writeEndObject();
        }
        return out.toString();
    }
}
