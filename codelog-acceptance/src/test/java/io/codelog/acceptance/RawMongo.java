package io.codelog.acceptance;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/** A plain {@link MongoClient} on a test server, to seed and inspect databases behind the application's back. */
final class RawMongo implements AutoCloseable {

    /** The store's collection, the Go service's. */
    static final String LOGS = "codelog";

    /** ShedLock's collection, where the retention cleaner's lock lives when it is in MongoDB. */
    static final String LOCKS = "shedLock";

    /** Where dual-write records copies that failed. */
    static final String DUAL_WRITE_FAILURES = "codelog_dual_write_failures";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoClient client;

    RawMongo(String connectionString) {
        client = MongoClients.create(connectionString);
    }

    /** A database name no other row uses. */
    static String newDatabaseName() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "acceptance_" + HexFormat.of().formatHex(random);
    }

    /** The log document with this id (an ObjectId, as the store writes them), or null. */
    Document log(String database, String id) {
        return client.getDatabase(database)
                .getCollection(LOGS)
                .find(Filters.eq("_id", new ObjectId(id)))
                .first();
    }

    /** Every document of a collection. */
    List<Document> all(String database, String collection) {
        return client.getDatabase(database).getCollection(collection).find().into(new ArrayList<>());
    }

    /** The lock document of that name, or null. */
    Document lock(String database, String name) {
        return client.getDatabase(database)
                .getCollection(LOCKS)
                .find(Filters.eq("_id", name))
                .first();
    }

    /** Inserts a document as it is. */
    void insert(String database, String collection, Document document) {
        client.getDatabase(database).getCollection(collection).insertOne(document);
    }

    /** Drops a database, so that a row with a fixed name starts empty. */
    void drop(String database) {
        client.getDatabase(database).drop();
    }

    @Override
    public void close() {
        client.close();
    }
}
