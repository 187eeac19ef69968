package io.codelog.mongo;

import com.mongodb.MongoException;
import io.codelog.core.CodeLogStorageException;
import java.util.function.Consumer;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.CollectionCallback;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * The store's collection, reached through Spring's {@link MongoOperations} so that the application's client,
 * database, read preference and write concern apply. Failures surface as {@link CodeLogStorageException}s that
 * name the collection and the operation, never the connection string.
 */
final class CodeLogCollection {

    private final MongoOperations mongo;
    private final String name;

    CodeLogCollection(MongoOperations mongo, String name) {
        this.mongo = mongo;
        this.name = name;
    }

    String name() {
        return name;
    }

    /**
     * Runs one operation on the raw collection. The raw driver is used instead of Spring's query mapping
     * because that mapping turns 24-hex strings in {@code _id} queries into ObjectIds and would hide documents
     * whose ids are stored as strings.
     */
    <T> T execute(String operation, CollectionCallback<T> callback) {
        try {
            return mongo.execute(name, callback);
        } catch (DataAccessException | MongoException e) {
            throw failure(operation, e);
        }
    }

    /** Creates the store's indexes. */
    void createIndexes() {
        onIndexes("createIndexes", CodeLogIndexes::create);
    }

    /** Reads or changes the collection's indexes. */
    void onIndexes(String operation, Consumer<IndexOperations> action) {
        try {
            action.accept(mongo.indexOps(name));
        } catch (DataAccessException | MongoException e) {
            throw failure(operation, e);
        }
    }

    CodeLogStorageException failure(String operation, RuntimeException e) {
        return MongoStorageFailures.of(operation, name, e);
    }
}
