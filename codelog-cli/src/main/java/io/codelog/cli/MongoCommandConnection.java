package io.codelog.cli;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.codelog.autoconfigure.CodeLogMongoProperties;
import io.codelog.autoconfigure.PropertyOrigins;
import io.codelog.core.CodeLogRules;
import io.codelog.mongo.MongoCodeLogIdIndex;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.mongo.MongoDualWriteFailureLog;
import java.util.concurrent.TimeUnit;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.StringUtils;

/**
 * The MongoDB side of a command: a client of the command's own on {@code codelog.mongo.uri}, the log store on
 * it and its settings. The command line has no application {@code MongoTemplate} to borrow, so the URI is
 * required.
 *
 * @param client the client, closed with this
 * @param template operations on the logs' database
 * @param databaseName the database of the logs
 * @param settings the store's collection and rules
 * @param repository the store
 */
record MongoCommandConnection(
        MongoClient client,
        MongoTemplate template,
        String databaseName,
        MongoCodeLogSettings settings,
        MongoCodeLogRepository repository)
        implements AutoCloseable {

    private static final String URI = "codelog.mongo.uri";
    private static final String DATABASE_NAME = "codelog.mongo.database-name";
    private static final String COLLECTION = "codelog.mongo.collection";
    private static final String FAILURE_COLLECTION = "codelog.mongo.failure-collection";
    private static final String ID_INDEX_COLLECTION = "codelog.mongo.id-index-collection";
    // A command line should say a server is unreachable in seconds, not after the driver's 30.
    private static final int DEFAULT_SERVER_SELECTION_SECONDS = 10;

    /**
     * Connects as the properties say.
     *
     * @param command the command that needs MongoDB, for the message when the URI is missing
     * @throws CliUsageException naming the property and variable to set
     */
    static MongoCommandConnection open(CodeLogMongoProperties properties, CodeLogRules rules, String command) {
        if (!StringUtils.hasText(properties.getUri())) {
            throw new CliUsageException("codelog " + command + " needs MongoDB, but " + PropertyOrigins.named(URI)
                    + " is not set: set it to mongodb://user:password@host:27017/database.");
        }
        ConnectionString connection;
        try {
            connection = new ConnectionString(properties.getUri().trim());
        } catch (IllegalArgumentException e) {
            // The driver's message may quote the connection string, password included: it is not passed on.
            throw new CliUsageException(PropertyOrigins.named(URI) + " is not a valid MongoDB connection string (its"
                    + " value is not shown: it may hold a password); use mongodb://user:password@host:27017/database.");
        }
        String database = StringUtils.hasText(properties.getDatabaseName())
                ? properties.getDatabaseName().trim()
                : connection.getDatabase();
        if (database == null) {
            throw new CliUsageException(PropertyOrigins.named(URI) + " names no database and "
                    + PropertyOrigins.named(DATABASE_NAME) + " is not set: set one of them.");
        }
        MongoCodeLogSettings settings;
        try {
            settings = MongoCodeLogSettings.defaults()
                    .withCollection(properties.getCollection())
                    .withCreateIndexes(properties.isCreateIndexes())
                    .withRules(rules);
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(PropertyOrigins.named(COLLECTION) + " is not usable: " + e.getMessage() + ".");
        }
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(cluster -> {
                    if (connection.getServerSelectionTimeout() == null) {
                        cluster.serverSelectionTimeout(DEFAULT_SERVER_SELECTION_SECONDS, TimeUnit.SECONDS);
                    }
                })
                .build());
        try {
            MongoTemplate template = new MongoTemplate(client, database);
            return new MongoCommandConnection(
                    client, template, database, settings, new MongoCodeLogRepository(template, settings));
        } catch (IllegalArgumentException e) {
            client.close();
            throw new CliUsageException("The MongoDB database name \"" + database + "\" is not valid (" + e.getMessage()
                    + "): set " + PropertyOrigins.named(DATABASE_NAME) + ".");
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * The failures a dual write recorded in this database, where the starter's {@code MongoDualWriteFailureLog}
     * keeps them.
     *
     * @param collection the value of {@code codelog.mongo.failure-collection}
     * @throws CliUsageException naming the property when the collection is blank
     */
    MongoDualWriteFailureLog failureLog(String collection) {
        try {
            return new MongoDualWriteFailureLog(template, collection);
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(PropertyOrigins.named(FAILURE_COLLECTION) + " is blank: set it to the"
                    + " collection the service records failed copies in (default "
                    + MongoDualWriteFailureLog.DEFAULT_COLLECTION + ").");
        }
    }

    /**
     * The S3 store's id index in this database, where a service with {@code codelog.s3.id-index=mongo} keeps it.
     * Its TTL index is left as the service set it: a command run with other cleaner settings must not shorten the
     * life of the service's entries.
     *
     * @param collection the value of {@code codelog.mongo.id-index-collection}
     * @throws CliUsageException naming the property when the collection is blank
     */
    MongoCodeLogIdIndex idIndex(String collection) {
        try {
            return new MongoCodeLogIdIndex(template, collection, null, false);
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(PropertyOrigins.named(ID_INDEX_COLLECTION) + " is blank: set it to the"
                    + " collection the service keeps the S3 id index in (default "
                    + MongoCodeLogIdIndex.DEFAULT_COLLECTION + ").");
        }
    }

    /** Where the logs are, for output: database and collection, never the connection string. */
    String describe() {
        return "MongoDB database " + databaseName + ", collection " + settings.collection();
    }

    @Override
    public void close() {
        client.close();
    }
}
