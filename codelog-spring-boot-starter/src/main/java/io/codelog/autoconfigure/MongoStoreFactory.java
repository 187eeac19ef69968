package io.codelog.autoconfigure;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.codelog.core.CodeLogRules;
import io.codelog.mongo.MongoCodeLogSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.StringUtils;

/**
 * Builds what {@code codelog.mongo.*} describes: codelog's own client on {@code codelog.mongo.uri}, the template on
 * a database, and the MongoDB store's settings. The starter and the command line both build their MongoDB side
 * here. Every setting is checked before the driver sees it, so a mistake names its property and variable, and
 * never shows the connection string, which may hold a password.
 */
public final class MongoStoreFactory {

    private static final String URI = "codelog.mongo.uri";
    private static final String DATABASE_NAME = "codelog.mongo.database-name";
    private static final String COLLECTION = "codelog.mongo.collection";

    private final CodeLogMongoProperties properties;

    /** A factory of what these properties describe. */
    public MongoStoreFactory(CodeLogMongoProperties properties) {
        this.properties = properties;
    }

    /** Whether {@code codelog.mongo.uri} is set, so that codelog opens a client of its own. */
    public boolean hasUri() {
        return StringUtils.hasText(properties.getUri());
    }

    /** {@code codelog.mongo.database-name}, trimmed, or null when it is not set. */
    public @Nullable String configuredDatabaseName() {
        return StringUtils.hasText(properties.getDatabaseName())
                ? properties.getDatabaseName().trim()
                : null;
    }

    /**
     * Opens a client of codelog's own on {@code codelog.mongo.uri}, on {@code codelog.mongo.database-name} or
     * else the database the URI names.
     *
     * @param serverSelectionTimeout how long to wait for a server when the URI does not say
     *     ({@code serverSelectionTimeoutMS}); null for the driver's 30 seconds
     * @throws CodeLogConfigurationException when the URI is missing or invalid, or no valid database is named
     */
    public OwnedMongoClient openClient(@Nullable Duration serverSelectionTimeout) {
        if (!hasUri()) {
            throw new CodeLogConfigurationException(
                    URI,
                    PropertyOrigins.named(URI) + " is not set.",
                    "Set it to mongodb://user:password@host:27017/database.");
        }
        ConnectionString connection = connectionString();
        String configured = configuredDatabaseName();
        String database = configured != null ? configured : connection.getDatabase();
        if (database == null) {
            throw new CodeLogConfigurationException(
                    DATABASE_NAME,
                    PropertyOrigins.named(URI) + " names no database and " + PropertyOrigins.named(DATABASE_NAME)
                            + " is not set.",
                    "Set " + PropertyOrigins.named(DATABASE_NAME) + ", or end the connection string with /database.");
        }
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(connection);
        if (serverSelectionTimeout != null && connection.getServerSelectionTimeout() == null) {
            settings.applyToClusterSettings(cluster ->
                    cluster.serverSelectionTimeout(serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS));
        }
        MongoClient client = MongoClients.create(settings.build());
        try {
            return new OwnedMongoClient(client, template(client, database), database);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * The template on a database of a client.
     *
     * @throws CodeLogConfigurationException naming {@code codelog.mongo.database-name} when the name is not valid
     */
    public MongoTemplate template(MongoClient client, String databaseName) {
        try {
            return new MongoTemplate(client, databaseName);
        } catch (IllegalArgumentException e) {
            throw new CodeLogConfigurationException(
                    DATABASE_NAME,
                    "The MongoDB database name \"" + databaseName + "\" is not valid: " + e.getMessage(),
                    "Set " + PropertyOrigins.named(DATABASE_NAME)
                            + " to a name without slashes, dots, spaces, quotes or dollar signs.");
        }
    }

    /**
     * The store's collection, index creation and rules.
     *
     * @throws CodeLogConfigurationException naming {@code codelog.mongo.collection} when it cannot be used
     */
    public MongoCodeLogSettings settings(CodeLogRules rules) {
        try {
            return MongoCodeLogSettings.defaults()
                    .withCollection(properties.getCollection())
                    .withCreateIndexes(properties.isCreateIndexes())
                    .withRules(rules);
        } catch (IllegalArgumentException e) {
            throw new CodeLogConfigurationException(
                    COLLECTION,
                    PropertyOrigins.named(COLLECTION) + " is not usable: " + e.getMessage() + ".",
                    "Set it to a collection name such as " + MongoCodeLogSettings.DEFAULT_COLLECTION + ".");
        }
    }

    private ConnectionString connectionString() {
        try {
            return new ConnectionString(properties.getUri().trim());
        } catch (IllegalArgumentException e) {
            // The driver's message may quote the connection string, password included: it is not passed on.
            throw new CodeLogConfigurationException(
                    URI,
                    PropertyOrigins.named(URI) + " is not a valid MongoDB connection string (its value is not shown:"
                            + " it may hold a password).",
                    "Set it to mongodb://user:password@host:27017/database or mongodb+srv://host/database.");
        }
    }

    /**
     * A client codelog opened, closed with this, and the template on its database.
     *
     * @param client the client
     * @param template operations on the database
     * @param databaseName the database
     */
    public record OwnedMongoClient(MongoClient client, MongoTemplate template, String databaseName)
            implements AutoCloseable {

        @Override
        public void close() {
            client.close();
        }
    }
}
