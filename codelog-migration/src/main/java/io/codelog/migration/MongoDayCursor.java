package io.codelog.migration;

import com.mongodb.MongoException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import io.codelog.mongo.MongoCodeLogDocuments;
import io.codelog.mongo.MongoStorageFailures;
import java.util.Date;
import java.util.NoSuchElementException;
import org.bson.Document;
import org.bson.conversions.Bson;

/** A server-side cursor over one partition's documents, fetched {@code batchSize} at a time. */
final class MongoDayCursor implements SourceCursor {

    private static final String OPERATION = "migration.read";

    private final String collection;
    private final String partition;
    private final MongoCursor<Document> cursor;

    MongoDayCursor(
            MongoCollection<Document> documents,
            String collection,
            String partition,
            Bson filter,
            Bson sort,
            int batchSize) {
        this.collection = collection;
        this.partition = partition;
        this.cursor = MongoStorageFailures.run(OPERATION, collection, () -> {
            FindIterable<Document> found = documents.find(filter).batchSize(batchSize);
            return (sort == null ? found : found.sort(sort)).cursor();
        });
    }

    @Override
    public boolean hasNext() {
        return MongoStorageFailures.run(OPERATION, collection, cursor::hasNext);
    }

    @Override
    public SourceEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Document document = MongoStorageFailures.run(OPERATION, collection, cursor::next);
        Object created = document.get(MongoCodeLogDocuments.CREATED_AT);
        String position = created instanceof Date date ? Long.toString(date.getTime()) : null;
        return new SourceEntry(partition, position, MongoSourceKey.of(document.get("_id")), document);
    }

    @Override
    public void close() {
        try {
            cursor.close();
        } catch (MongoException e) {
            // The server drops an abandoned cursor after its idle timeout; nothing is left to undo here.
        }
    }
}
