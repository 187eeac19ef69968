package io.codelog.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One client and template on a test server for a test class, fresh collection names for each test (dropped on
 * close), raw driver access to the same database, and a record of the commands the client sent.
 */
final class MongoTestDatabase implements AutoCloseable {

    private static final String DEFAULT_DATABASE = "codelog_test";

    private final MongoClient client;
    private final MongoTemplate template;
    private final String database;
    private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();
    private final List<String> collections = new CopyOnWriteArrayList<>();

    MongoTestDatabase(String connectionString) {
        ConnectionString uri = new ConnectionString(connectionString);
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommand().clone());
            }
        };
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(uri)
                .addCommandListener(recorder)
                .build());
        this.database = uri.getDatabase() != null ? uri.getDatabase() : DEFAULT_DATABASE;
        this.template = new MongoTemplate(client, database);
    }

    MongoTemplate template() {
        return template;
    }

    /** A collection name no other test uses; the collection is dropped when this database is closed. */
    String newCollectionName() {
        String name = "codelog_" + UUID.randomUUID().toString().replace("-", "");
        collections.add(name);
        return name;
    }

    MongoCollection<Document> documents(String collection) {
        return client.getDatabase(database).getCollection(collection);
    }

    MongoCollection<BsonDocument> bson(String collection) {
        return client.getDatabase(database).getCollection(collection, BsonDocument.class);
    }

    /** The commands sent so far on the collection, oldest first. */
    List<BsonDocument> commands(String collection) {
        BsonString name = new BsonString(collection);
        return commands.stream()
                .filter(command -> name.equals(command.get(command.getFirstKey())))
                .toList();
    }

    /** The commands of this name (e.g. {@code delete}) sent so far on the collection, oldest first. */
    List<BsonDocument> commands(String name, String collection) {
        return commands.stream()
                .filter(command -> new BsonString(collection).equals(command.get(name)))
                .toList();
    }

    /** Drops the collections this class used, so that a shared external server is left as it was found. */
    @Override
    public void close() {
        try {
            collections.forEach(name -> documents(name).drop());
        } finally {
            client.close();
        }
    }
}
