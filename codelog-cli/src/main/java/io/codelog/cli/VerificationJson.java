package io.codelog.cli;

import io.codelog.migration.Difference;
import io.codelog.migration.VerificationReport;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Locale;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** A verification report as one JSON object, with the same naming as the migration summary (snake case). */
final class VerificationJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private VerificationJson() {}

    static String write(String direction, LocalDate from, LocalDate to, VerificationReport report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeStringProperty("direction", direction);
            json.writeStringProperty("from", from.toString());
            json.writeStringProperty("to", to.toString());
            json.writeNumberProperty("checked", report.checked());
            json.writeNumberProperty("equal", report.equal());
            json.writeNumberProperty("missing_in_target", report.missingInTarget());
            json.writeNumberProperty("different", report.different());
            json.writeNumberProperty("unreadable", report.unreadable());
            json.writeNumberProperty("repaired", report.repaired());
            json.writeNumberProperty("deleted_from_source", report.deletedFromSource());
            json.writeNumberProperty("kept_in_source", report.keptInSource());
            json.writeBooleanProperty("all_equal", report.allEqual());
            json.writeName("requests");
            json.writeStartObject();
            for (var entry : report.requests().byKind().entrySet()) {
                json.writeNumberProperty(entry.getKey().name().toLowerCase(Locale.ROOT), entry.getValue());
            }
            json.writeEndObject();
            json.writeNumberProperty("elapsed_seconds", report.elapsed().toMillis() / 1000.0);
            json.writeName("differences");
            json.writeStartArray();
            for (Difference difference : report.differences()) {
                json.writeStartObject();
                json.writeStringProperty("kind", difference.kind().name().toLowerCase(Locale.ROOT));
                json.writeStringProperty("partition", difference.partition());
                json.writeStringProperty("source_key", difference.sourceKey());
                json.writeStringProperty("log_id", difference.logId());
                json.writeStringProperty("detail", difference.detail());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toString();
    }
}
