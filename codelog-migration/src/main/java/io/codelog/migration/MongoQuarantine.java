package io.codelog.migration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.codelog.mongo.MongoStorageFailures;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The quarantine in {@value MigrationState#QUARANTINE}: one document per job, source and source key (so an entry
 * read again after a resume is recorded once), holding the reason and never the content.
 */
final class MongoQuarantine implements QuarantineSink {

    private final Supplier<MongoCollection<Document>> collection;
    private final String collectionName;

    MongoQuarantine(Supplier<MongoCollection<Document>> collection, String collectionName) {
        this.collection = collection;
        this.collectionName = collectionName;
    }

    @Override
    public void record(QuarantineEntry entry) {
        String id = entry.jobId() + "|" + entry.source() + "|" + entry.sourceKey();
        Document document = new Document("_id", id)
                .append("job_id", entry.jobId())
                .append("source", entry.source())
                .append("source_key", entry.sourceKey())
                .append("partition", entry.partition())
                .append("reason", entry.reason())
                .append("at", Date.from(entry.at()));
        MongoStorageFailures.run(
                "migration.quarantine",
                collectionName,
                () -> collection.get().replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true)));
    }

    /** The job's entries, by source key, at most {@code limit}. */
    List<QuarantineEntry> entries(String jobId, int limit) {
        List<Document> documents = MongoStorageFailures.run(
                "migration.quarantine",
                collectionName,
                () -> collection
                        .get()
                        .find(Filters.eq("job_id", jobId))
                        .sort(Sorts.ascending("source_key"))
                        .limit(limit)
                        .into(new ArrayList<>()));
        return documents.stream()
                .map(document -> new QuarantineEntry(
                        document.getString("job_id"),
                        document.getString("source"),
                        document.getString("source_key"),
                        document.getString("partition"),
                        document.getString("reason"),
                        document.getDate("at").toInstant()))
                .toList();
    }

    /** How many entries the job recorded. */
    long count(String jobId) {
        return MongoStorageFailures.run(
                "migration.quarantine",
                collectionName,
                () -> collection.get().countDocuments(Filters.eq("job_id", jobId)));
    }
}
