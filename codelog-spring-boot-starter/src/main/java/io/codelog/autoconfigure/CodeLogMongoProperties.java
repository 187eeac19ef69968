package io.codelog.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where codelog keeps its MongoDB collection, bound from {@code codelog.mongo.*}. Unset, it uses the
 * application's {@code MongoTemplate}.
 */
@ConfigurationProperties(prefix = CodeLogMongoProperties.PREFIX)
public class CodeLogMongoProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "codelog.mongo";

    /**
     * A connection string for a MongoDB client of codelog's own, e.g. mongodb://host:27017; unset to use the
     * application's MongoTemplate.
     */
    private @Nullable String uri;

    /**
     * The database of the logs; with uri, defaults to the connection string's database; without, applies to the
     * application's MongoClient.
     */
    private @Nullable String databaseName;

    /** The collection that holds the logs. */
    private String collection = "codelog";

    /** Whether the store creates its indexes at start-up. */
    private boolean createIndexes = true;

    /** The collection where dual-write records the copies that failed, for the migration's repair. */
    private String failureCollection = "codelog_dual_write_failures";

    /** The collection of the S3 store's id index when codelog.s3.id-index is mongo, one per bucket and prefix. */
    private String idIndexCollection = "codelog_id_index";

    /** The connection string of codelog's own client, or null. */
    public @Nullable String getUri() {
        return uri;
    }

    /** Sets the connection string of codelog's own client. */
    public void setUri(@Nullable String uri) {
        this.uri = uri;
    }

    /** The database of the logs, or null. */
    public @Nullable String getDatabaseName() {
        return databaseName;
    }

    /** Sets the database of the logs. */
    public void setDatabaseName(@Nullable String databaseName) {
        this.databaseName = databaseName;
    }

    /** The collection that holds the logs. */
    public String getCollection() {
        return collection;
    }

    /** Sets the collection that holds the logs. */
    public void setCollection(String collection) {
        this.collection = collection;
    }

    /** Whether the store creates its indexes at start-up. */
    public boolean isCreateIndexes() {
        return createIndexes;
    }

    /** Sets whether the store creates its indexes at start-up. */
    public void setCreateIndexes(boolean createIndexes) {
        this.createIndexes = createIndexes;
    }

    /** The collection where dual-write records failed copies. */
    public String getFailureCollection() {
        return failureCollection;
    }

    /** Sets the collection where dual-write records failed copies. */
    public void setFailureCollection(String failureCollection) {
        this.failureCollection = failureCollection;
    }

    /** The collection of the S3 store's id index. */
    public String getIdIndexCollection() {
        return idIndexCollection;
    }

    /** Sets the collection of the S3 store's id index. */
    public void setIdIndexCollection(String idIndexCollection) {
        this.idIndexCollection = idIndexCollection;
    }

    /** Keeps the connection string, which may hold a password, out of logs and messages. */
    @Override
    public String toString() {
        return "CodeLogMongoProperties[uri=" + (uri == null ? "unset" : "set") + ", databaseName=" + databaseName
                + ", collection=" + collection + ", createIndexes=" + createIndexes + ", failureCollection="
                + failureCollection + ", idIndexCollection=" + idIndexCollection + "]";
    }
}
