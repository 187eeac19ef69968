package io.codelog.cli;

import com.mongodb.client.MongoClient;
import io.codelog.autoconfigure.CodeLogMongoProperties;
import io.codelog.autoconfigure.MongoStoreFactory;
import io.codelog.autoconfigure.PropertyOrigins;
import io.codelog.core.CodeLogRules;
import io.codelog.mongo.MongoCodeLogIdIndex;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.mongo.MongoDualWriteFailureLog;
import java.time.Duration;
import org.springframework.data.mongodb.core.MongoTemplate;

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
    private static final String FAILURE_COLLECTION = "codelog.mongo.failure-collection";
    private static final String ID_INDEX_COLLECTION = "codelog.mongo.id-index-collection";
    // A command line should say a server is unreachable in seconds, not after the driver's 30.
    private static final Duration DEFAULT_SERVER_SELECTION = Duration.ofSeconds(10);

    /**
     * Connects as the properties say.
     *
     * @param command the command that needs MongoDB, for the message when the URI is missing
     * @throws CliUsageException naming the property and variable to set when the URI is missing
     * @throws io.codelog.autoconfigure.CodeLogConfigurationException naming the first other setting that cannot
     *     work (connection string, database, collection)
     */
    static MongoCommandConnection open(CodeLogMongoProperties properties, CodeLogRules rules, String command) {
        MongoStoreFactory factory = new MongoStoreFactory(properties);
        if (!factory.hasUri()) {
            throw new CliUsageException("codelog " + command + " needs MongoDB, but " + PropertyOrigins.named(URI)
                    + " is not set: set it to mongodb://user:password@host:27017/database.");
        }
        MongoCodeLogSettings settings = factory.settings(rules);
        MongoStoreFactory.OwnedMongoClient owned = factory.openClient(DEFAULT_SERVER_SELECTION);
        return new MongoCommandConnection(
                owned.client(),
                owned.template(),
                owned.databaseName(),
                settings,
                new MongoCodeLogRepository(owned.template(), settings));
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
