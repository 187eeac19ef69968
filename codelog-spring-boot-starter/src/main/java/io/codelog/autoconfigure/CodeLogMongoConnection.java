package io.codelog.autoconfigure;

import com.mongodb.client.MongoClient;
import io.codelog.autoconfigure.CodeLogProperties.Store;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The {@link MongoOperations} the MongoDB store uses: a client of codelog's own when {@code codelog.mongo.uri}
 * is set (closed with this), else the application's {@code MongoClient} on {@code codelog.mongo.database-name},
 * else the application's {@code MongoTemplate}.
 */
final class CodeLogMongoConnection implements AutoCloseable {

    private static final String URI = "codelog.mongo.uri";
    private static final String DATABASE_NAME = "codelog.mongo.database-name";

    private final MongoOperations operations;
    private final MongoClient ownedClient;

    private CodeLogMongoConnection(MongoOperations operations, MongoClient ownedClient) {
        this.operations = operations;
        this.ownedClient = ownedClient;
    }

    /**
     * Why codelog needs MongoDB, for the message when no database is configured.
     *
     * @param reason e.g. {@code MongoDB is the selected store}
     * @param property the property the failure names
     * @param alternative what else would do, e.g. another value of that property; empty for nothing
     */
    record Need(String reason, String property, String alternative) {

        /** What the environment uses MongoDB for: the store first, else the S3 store's id index. */
        static Need of(Environment environment) {
            StoreSelection selection = StoreSelection.of(environment);
            if (!selection.needs(Store.MONGO) && MongoIdIndexCondition.selected(environment)) {
                return new Need(
                        PropertyOrigins.named(IdIndexMode.PROPERTY) + " is mongo",
                        IdIndexMode.PROPERTY,
                        " Or set " + PropertyOrigins.named(IdIndexMode.PROPERTY) + " to s3 or none.");
            }
            return new Need(selection.reasonFor(Store.MONGO), URI, "");
        }
    }

    /**
     * The connection the properties ask for.
     *
     * @param need why MongoDB is needed, for the message when no database is configured
     * @throws CodeLogConfigurationException when the properties name no usable database
     */
    static CodeLogMongoConnection resolve(
            CodeLogMongoProperties properties,
            Need need,
            ObjectProvider<MongoOperations> applicationTemplates,
            ObjectProvider<MongoClient> applicationClients) {
        MongoStoreFactory factory = new MongoStoreFactory(properties);
        if (factory.hasUri()) {
            MongoStoreFactory.OwnedMongoClient owned = factory.openClient(null);
            return new CodeLogMongoConnection(owned.template(), owned.client());
        }
        String databaseName = factory.configuredDatabaseName();
        if (databaseName != null) {
            MongoClient client = applicationClients.getIfAvailable();
            if (client == null) {
                throw new CodeLogConfigurationException(
                        DATABASE_NAME,
                        PropertyOrigins.named(DATABASE_NAME) + " is set but " + PropertyOrigins.named(URI)
                                + " is not and the application has no MongoClient.",
                        "Set " + PropertyOrigins.named(URI) + " too, or add spring-boot-starter-data-mongodb.");
            }
            return new CodeLogMongoConnection(factory.template(client, databaseName), null);
        }
        MongoOperations template = applicationTemplates.getIfAvailable();
        if (template == null) {
            throw new CodeLogConfigurationException(
                    need.property(),
                    need.reason() + " but the application has no MongoTemplate and " + PropertyOrigins.named(URI)
                            + " is not set.",
                    "Add spring-boot-starter-data-mongodb and set spring.mongodb.uri, or set "
                            + PropertyOrigins.named(URI) + " and " + PropertyOrigins.named(DATABASE_NAME) + "."
                            + need.alternative());
        }
        return new CodeLogMongoConnection(template, null);
    }

    /** The operations the store runs on. */
    MongoOperations operations() {
        return operations;
    }

    /** Closes the client codelog opened; the application's client is left alone. */
    @Override
    public void close() {
        if (ownedClient != null) {
            ownedClient.close();
        }
    }
}
