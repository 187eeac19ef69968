package io.codelog.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.testservers.MongoTestServer;
import org.springframework.data.mongodb.core.MongoTemplate;

/** One driver client on the benchmark's MongoDB-protocol server, shared by codelog's stores and raw calls. */
final class MongoBench implements AutoCloseable {

    private static final String DATABASE = "codelog_bench";

    private final MongoClient client;
    private final MongoTemplate template;

    MongoBench(MongoTestServer server) {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .build());
        template = new MongoTemplate(client, DATABASE);
    }

    /** The database both sides use. */
    MongoDatabase database() {
        return client.getDatabase(DATABASE);
    }

    /** A codelog store with default settings on the collection, its indexes created. */
    MongoCodeLogRepository store(String collection) {
        return new MongoCodeLogRepository(
                template, MongoCodeLogSettings.defaults().withCollection(collection));
    }

    @Override
    public void close() {
        client.close();
    }
}
