package io.codelog.migration;

import java.io.StringWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Writes a {@link MigrationSummary} as JSON with jackson-core alone (no data binding on the classpath). */
final class SummaryJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private SummaryJson() {}

    static String write(MigrationSummary summary) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeStringProperty("job_id", summary.jobId());
            json.writeStringProperty("owner", summary.owner());
            json.writeStringProperty("source", summary.source());
            json.writeStringProperty("target", summary.target());
            json.writeBooleanProperty("dry_run", summary.dryRun());
            json.writeBooleanProperty("cancelled", summary.cancelled());
            json.writeBooleanProperty("complete", summary.complete());
            json.writeNumberProperty("partitions_done", summary.partitionsDone());
            json.writeNumberProperty("partitions_total", summary.partitionsTotal());
            json.writeNumberProperty("partitions_by_this_worker", summary.partitionsByThisWorker());
            json.writeName("held_by_others");
            json.writeStartArray();
            for (HeldPartition held : summary.heldByOthers()) {
                json.writeStartObject();
                json.writeStringProperty("partition", held.partition());
                json.writeStringProperty("owner", held.owner());
                json.writeStringProperty(
                        "lease_expires_at", held.leaseExpiresAt().toString());
                json.writeBooleanProperty("renewed", held.renewed());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberProperty(
                    "waited_for_held_seconds", summary.waitedForHeld().toMillis() / 1000.0);
            json.writeName("counts");
            json.writeStartObject();
            json.writeNumberProperty("read", summary.counts().read());
            json.writeNumberProperty("migrated", summary.counts().migrated());
            json.writeNumberProperty("skipped", summary.counts().skipped());
            json.writeNumberProperty("quarantined", summary.counts().quarantined());
            json.writeEndObject();
            json.writeName("requests");
            json.writeStartObject();
            for (var entry : summary.requests().byKind().entrySet()) {
                json.writeNumberProperty(entry.getKey().name().toLowerCase(java.util.Locale.ROOT), entry.getValue());
            }
            json.writeEndObject();
            json.writeName("estimate");
            json.writeStartObject();
            json.writeNumberProperty("put_class_requests", summary.estimate().putClassRequests());
            json.writeNumberProperty("get_class_requests", summary.estimate().getClassRequests());
            json.writeNumberProperty("stored_bytes", summary.estimate().storedBytes());
            json.writeNumberProperty("requests_usd", summary.estimate().requestsUsd());
            json.writeNumberProperty("storage_usd_per_month", summary.estimate().storageUsdPerMonth());
            json.writeEndObject();
            json.writeNumberProperty("elapsed_seconds", summary.elapsed().toMillis() / 1000.0);
            json.writeNumberProperty("logs_per_second", summary.logsPerSecond());
            json.writeName("quarantine_sample");
            json.writeStartArray();
            for (QuarantineEntry entry : summary.quarantineSample()) {
                json.writeStartObject();
                json.writeStringProperty("source_key", entry.sourceKey());
                json.writeStringProperty("partition", entry.partition());
                json.writeStringProperty("reason", entry.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toString();
    }
}
