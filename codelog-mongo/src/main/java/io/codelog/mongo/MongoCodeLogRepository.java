package io.codelog.mongo;

import static io.codelog.mongo.CodeLogDocumentMapper.CONTENT;
import static io.codelog.mongo.CodeLogDocumentMapper.ID;
import static io.codelog.mongo.CodeLogDocumentMapper.UPDATED_AT;
import static io.codelog.mongo.CodeLogDocumentMapper.UPDATED_AT_NS;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogAlreadyExistsException;
import io.codelog.core.CodeLogIds;
import io.codelog.core.CodeLogNotFoundException;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.core.ConditionalCopyTarget;
import io.codelog.core.PageRequest;
import io.codelog.core.RunFilter;
import io.codelog.core.RunLogIds;
import io.codelog.core.StoredVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * A {@link CodeLogRepository} in one MongoDB collection, in the Go service's document shape, on Spring Data
 * MongoDB's {@link MongoOperations} (usable with or without Spring Boot). Reads and filters both historical
 * shapes of run and code ids (ObjectIds and strings). Copies conditionally for the dual-write repair ({@link
 * ConditionalCopyTarget}): a document is replaced only while its {@code updated_at} is the one read. Thread-safe.
 */
public final class MongoCodeLogRepository implements CodeLogRepository, RunLogIds, ConditionalCopyTarget {

    private final CodeLogCollection collection;
    private final CodeLogRules rules;
    private final int deleteBatchSize;
    private final CodeLogPageReader pageReader;
    private final VersionedDocuments versioned;

    /**
     * A store on the given operations; creates the indexes now when the settings ask for them.
     *
     * @throws io.codelog.core.CodeLogStorageException when the indexes cannot be created
     */
    public MongoCodeLogRepository(MongoOperations mongo, MongoCodeLogSettings settings) {
        Objects.requireNonNull(mongo, "mongo is required");
        Objects.requireNonNull(settings, "settings are required (use MongoCodeLogSettings.defaults())");
        this.collection = new CodeLogCollection(mongo, settings.collection());
        this.rules = settings.rules();
        this.deleteBatchSize = settings.deleteBatchSize();
        this.pageReader = new CodeLogPageReader(settings.collection());
        this.versioned = new VersionedDocuments(collection);
        if (settings.createIndexes()) {
            collection.createIndexes();
        }
    }

    @Override
    public CodeLog create(CodeLog log) {
        CodeLog stored = rules.prepareCreate(log);
        Document document = CodeLogDocumentMapper.toDocument(stored);
        boolean inserted = collection.execute("create", raw -> {
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
        if (!inserted) {
            throw new CodeLogAlreadyExistsException(stored.id());
        }
        return stored;
    }

    /**
     * Replaces the log with this id, whichever shape its {@code _id} has, or inserts it: two round trips at
     * most, and a concurrent insert of the same id ends as a replace.
     */
    @Override
    public CodeLog put(CodeLog log) {
        CodeLog stored = CodeLogRules.preparePut(log);
        Document document = CodeLogDocumentMapper.toDocument(stored);
        Document withoutId = new Document(document);
        withoutId.remove(ID);
        collection.execute("put", raw -> {
            for (int attempt = 0; ; attempt++) {
                if (raw.replaceOne(CodeLogFilters.byId(stored.id()), withoutId).getMatchedCount() > 0) {
                    return true;
                }
                try {
                    raw.insertOne(document);
                    return true;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt > 0) {
                        throw e;
                    }
                }
            }
        });
        return stored;
    }

    @Override
    public Optional<CodeLog> findById(String id) {
        String validId = CodeLogIds.requireValid("id", id);
        Document document = collection.execute(
                "findById", raw -> raw.find(CodeLogFilters.byId(validId)).first());
        return Optional.ofNullable(document).map(CodeLogDocumentMapper::fromDocument);
    }

    @Override
    public List<CodeLog> listRunLogs(@Nullable String runId, @Nullable String codeId, int limit, int page) {
        RunFilter filter = new RunFilter(runId, codeId);
        PageRequest request = new PageRequest(limit, page);
        if (request.offset() > Integer.MAX_VALUE) {
            // The driver skips at most Integer.MAX_VALUE documents; no run has that many logs.
            return List.of();
        }
        List<Document> documents = collection.execute(
                "listRunLogs",
                raw -> raw.find(CodeLogFilters.byRun(filter))
                        .sort(CodeLogFilters.OLDEST_FIRST)
                        .skip((int) request.offset())
                        .limit(request.limit())
                        .into(new ArrayList<>()));
        return pageReader.read(documents);
    }

    @Override
    public CodeLog update(String id, String content) {
        String validId = CodeLogIds.requireValid("id", id);
        String newContent = rules.prepareContent(content);
        Document current = collection.execute(
                "update",
                raw -> raw.find(CodeLogFilters.byId(validId))
                        .projection(Projections.exclude(CONTENT))
                        .first());
        if (current == null) {
            throw new CodeLogNotFoundException(validId);
        }
        // Reading first rejects a malformed document before it is changed, and gives the createdAt that the
        // update time must not precede.
        CodeLog existing = CodeLogDocumentMapper.fromDocument(current);
        MongoInstant updatedAt = MongoInstant.of(rules.updateTime(existing.createdAt()));
        Document updated = collection.execute(
                "update",
                raw -> raw.findOneAndUpdate(
                        Filters.eq(ID, current.get(ID)),
                        Updates.combine(
                                Updates.set(CONTENT, newContent),
                                Updates.set(UPDATED_AT, updatedAt.date()),
                                Updates.set(UPDATED_AT_NS, updatedAt.nanosOfMilli())),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        if (updated == null) {
            throw new CodeLogNotFoundException(validId);
        }
        return CodeLogDocumentMapper.fromDocument(updated);
    }

    @Override
    public boolean delete(String id) {
        String validId = CodeLogIds.requireValid("id", id);
        long deleted = collection.execute(
                "delete", raw -> raw.deleteOne(CodeLogFilters.byId(validId)).getDeletedCount());
        return deleted > 0;
    }

    @Override
    public long deleteOlder(Instant cutoff, long limit) {
        CodeLogRules.checkDeleteOlder(cutoff, limit);
        return new RetentionDelete(collection, CodeLogFilters.createdBefore(cutoff), deleteBatchSize).run(limit);
    }

    @Override
    public long count(@Nullable String runId, @Nullable String codeId) {
        RunFilter filter = new RunFilter(runId, codeId);
        return collection.execute("count", raw -> raw.countDocuments(CodeLogFilters.byRun(filter)));
    }

    /** The ids {@link #count} counts, from one query that returns the ids alone. */
    @Override
    public Set<String> runLogIds(@Nullable String runId, @Nullable String codeId) {
        RunFilter filter = new RunFilter(runId, codeId);
        return collection.execute("runLogIds", raw -> {
            Set<String> ids = new HashSet<>();
            raw.find(CodeLogFilters.byRun(filter))
                    .projection(Projections.include(ID))
                    .forEach(document -> ids.add(CodeLogDocumentMapper.idOf(document)));
            return ids;
        });
    }

    /** The document with this id (1 find); its version is its {@code _id} and {@code updated_at} fields. */
    @Override
    public StoredVersion readVersion(String id) {
        return versioned.read(CodeLogIds.requireValid("id", id));
    }

    /** The document with the log's id (1 find), which is where {@link #put} writes it. */
    @Override
    public StoredVersion readVersion(CodeLog log) {
        return versioned.read(CodeLogRules.preparePut(log).id());
    }

    /**
     * Inserts the log when nothing was read (a duplicate key, from a write since, returns false), else replaces the
     * document only while it has the {@code _id} and {@code updated_at} read: 1 round trip.
     */
    @Override
    public boolean putIfUnchanged(CodeLog log, StoredVersion read) {
        return versioned.putIfUnchanged(CodeLogRules.preparePut(log), read);
    }

    /** Deletes the document only while it has the {@code _id} and {@code updated_at} read: 1 round trip. */
    @Override
    public boolean deleteIfUnchanged(StoredVersion read) {
        return versioned.deleteIfUnchanged(read);
    }
}
