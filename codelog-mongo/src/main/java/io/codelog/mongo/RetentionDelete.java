package io.codelog.mongo;

import static io.codelog.mongo.CodeLogDocumentMapper.ID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Deletes the logs a filter selects in bounded rounds: each round reads at most one batch of {@code _id}s,
 * oldest first, and deletes exactly those, so no round holds more than one batch in memory.
 */
final class RetentionDelete {

    private static final String OPERATION = "deleteOlder";

    private final CodeLogCollection collection;
    private final Bson selected;
    private final int batchSize;

    RetentionDelete(CodeLogCollection collection, Bson selected, int batchSize) {
        this.collection = collection;
        this.selected = selected;
        this.batchSize = batchSize;
    }

    /** Deletes up to {@code limit} selected logs and returns how many were deleted. */
    long run(long limit) {
        long deleted = 0;
        while (deleted < limit) {
            int batch = (int) Math.min(batchSize, limit - deleted);
            List<Object> ids = nextIds(batch);
            if (ids.isEmpty()) {
                break;
            }
            deleted += collection.execute(
                    OPERATION, raw -> raw.deleteMany(Filters.in(ID, ids)).getDeletedCount());
            if (ids.size() < batch) {
                break;
            }
        }
        return deleted;
    }

    private List<Object> nextIds(int batch) {
        List<Document> documents = collection.execute(
                OPERATION,
                raw -> raw.find(selected)
                        .projection(Projections.include(ID))
                        .sort(CodeLogFilters.RETENTION_ORDER)
                        .limit(batch)
                        .into(new ArrayList<>()));
        List<Object> ids = new ArrayList<>(documents.size());
        for (Document document : documents) {
            ids.add(document.get(ID));
        }
        return ids;
    }
}
