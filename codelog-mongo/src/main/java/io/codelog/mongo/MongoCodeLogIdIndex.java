package io.codelog.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.codelog.core.CodeLogIdIndex;
import io.codelog.core.MalformedCodeLogException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * A {@link CodeLogIdIndex} in a MongoDB collection of its own, one compact document per log: {@code {_id: log id,
 * key: location, created_at: date}}, about 180 bytes with an S3 key. {@code _id} is unique, so an insert of an
 * id that has an entry fails on the server and {@link #insert} returns false: one round trip, no read first.
 *
 * <p>With an expiry, a TTL index on {@code created_at} (named {@value #TTL_INDEX}) lets the server delete each
 * entry that long after its log's creation, as the retention cleaner deletes the logs; an index of another expiry
 * is replaced, and without an expiry it is dropped, so the collection always follows the configuration. The
 * server's TTL monitor runs about once a minute. Thread-safe; failures surface as {@link
 * io.codelog.core.CodeLogStorageException}s naming the collection, never the connection string.
 */
public final class MongoCodeLogIdIndex implements CodeLogIdIndex {

    /** The collection used when none is given. */
    public static final String DEFAULT_COLLECTION = "codelog_id_index";

    /** The name of the TTL index on {@code created_at}. */
    public static final String TTL_INDEX = "codelog_id_index_ttl";

    static final String ID = "_id";
    static final String KEY = "key";
    static final String CREATED_AT = "created_at";

    /** The most ids one delete command names, which bounds its size. */
    static final int MAX_IDS_PER_DELETE = 1_000;

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final CodeLogCollection collection;

    /**
     * An index in the given collection whose entries expire {@code expireAfter} after their log's creation, or
     * never when it is null; creates, replaces or drops the TTL index now.
     *
     * @throws IllegalArgumentException when the collection name is blank or the expiry under one second
     * @throws io.codelog.core.CodeLogStorageException when the TTL index cannot be read or changed
     */
    public MongoCodeLogIdIndex(MongoOperations mongo, String collection, @Nullable Duration expireAfter) {
        this(mongo, collection, expireAfter, true);
    }

    /**
     * As {@link #MongoCodeLogIdIndex(MongoOperations, String, Duration)}, but with {@code manageTtlIndex} false
     * the indexes are left as they are (for a user who may not create indexes; {@code expireAfter} is then
     * ignored).
     */
    public MongoCodeLogIdIndex(
            MongoOperations mongo, String collection, @Nullable Duration expireAfter, boolean manageTtlIndex) {
        Objects.requireNonNull(mongo, "mongo is required");
        if (collection == null || collection.isBlank()) {
            throw new IllegalArgumentException("collection must not be blank");
        }
        if (expireAfter != null && expireAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("expireAfter must be one second or more, was " + expireAfter);
        }
        this.collection = new CodeLogCollection(mongo, collection);
        if (manageTtlIndex) {
            this.collection.onIndexes("idIndex.ttl", indexes -> followExpiry(indexes, expireAfter));
        }
    }

    /** The collection of the entries. */
    public String collection() {
        return collection.name();
    }

    @Override
    public boolean insert(Entry entry) {
        Document document = toDocument(entry);
        return collection.execute("idIndex.insert", raw -> {
            try {
                raw.insertOne(document);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public void upsert(Entry entry) {
        Document document = toDocument(entry);
        collection.execute("idIndex.upsert", raw -> raw.replaceOne(Filters.eq(ID, entry.id()), document, UPSERT));
    }

    @Override
    public Optional<Entry> find(String id) {
        Objects.requireNonNull(id, "id");
        Document document = collection.execute(
                "idIndex.find", raw -> raw.find(Filters.eq(ID, id)).first());
        return Optional.ofNullable(document).map(found -> fromDocument(id, found));
    }

    @Override
    public void delete(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += MAX_IDS_PER_DELETE) {
            List<String> chunk = new ArrayList<>(all.subList(from, Math.min(all.size(), from + MAX_IDS_PER_DELETE)));
            collection.execute(
                    "idIndex.delete",
                    raw -> chunk.size() == 1
                            ? raw.deleteOne(Filters.eq(ID, chunk.get(0)))
                            : raw.deleteMany(Filters.in(ID, chunk)));
        }
    }

    @Override
    public String whereIs(String id) {
        return "MongoDB collection " + collection.name() + ", _id " + id;
    }

    static Document toDocument(Entry entry) {
        return new Document(ID, entry.id())
                .append(KEY, entry.location())
                .append(CREATED_AT, Date.from(entry.createdAt()));
    }

    private Entry fromDocument(String id, Document document) {
        Object key = document.get(KEY);
        Object createdAt = document.get(CREATED_AT);
        if (!(key instanceof String location) || location.isEmpty() || !(createdAt instanceof Date date)) {
            throw new MalformedCodeLogException(
                    whereIs(id) + ": the entry has no string " + KEY + " or no date " + CREATED_AT);
        }
        return new Entry(id, location, date.toInstant());
    }

    private static void followExpiry(IndexOperations indexes, @Nullable Duration expireAfter) {
        Optional<IndexInfo> existing = indexes.getIndexInfo().stream()
                .filter(index -> TTL_INDEX.equals(index.getName()))
                .findFirst();
        if (existing.isPresent()) {
            Optional<Duration> current = existing.get().getExpireAfter();
            if (expireAfter != null && current.isPresent() && current.get().toSeconds() == expireAfter.toSeconds()) {
                return;
            }
            // The server refuses a second index of the same name with another expiry: the old one goes first.
            indexes.dropIndex(TTL_INDEX);
        }
        if (expireAfter != null) {
            indexes.createIndex(new Index()
                    .on(CREATED_AT, Direction.ASC)
                    .named(TTL_INDEX)
                    .expire(Duration.ofSeconds(expireAfter.toSeconds())));
        }
    }
}
