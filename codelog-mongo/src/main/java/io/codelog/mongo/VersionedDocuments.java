package io.codelog.mongo;

import static io.codelog.mongo.CodeLogDocumentMapper.ID;
import static io.codelog.mongo.CodeLogDocumentMapper.UPDATED_AT;
import static io.codelog.mongo.CodeLogDocumentMapper.UPDATED_AT_NS;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import io.codelog.core.CodeLog;
import io.codelog.core.InvalidCodeLogException;
import io.codelog.core.MalformedCodeLogException;
import io.codelog.core.StoredVersion;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The store's conditional copies ({@link io.codelog.core.ConditionalCopyTarget}): a document's version is its
 * {@code _id} and {@code updated_at} fields as read, so a copy replaces a document only while it still has them
 * (every update and every copy of a newer log moves {@code updated_at}), and inserts only while the id is free.
 * Each call is one round trip.
 */
final class VersionedDocuments {

    private final CodeLogCollection collection;

    VersionedDocuments(CodeLogCollection collection) {
        this.collection = collection;
    }

    /**
     * The raw values read, whatever their BSON types, so that the filter matches exactly the document read (an
     * ObjectId or string {@code _id}; a missing field matches only a missing or null one).
     */
    record DocumentVersion(Object id, Object updatedAt, Object updatedAtNs) {

        Bson filter() {
            return Filters.and(
                    Filters.eq(ID, id), Filters.eq(UPDATED_AT, updatedAt), Filters.eq(UPDATED_AT_NS, updatedAtNs));
        }
    }

    StoredVersion read(String validId) {
        Document document = collection.execute(
                "readVersion", raw -> raw.find(CodeLogFilters.byId(validId)).first());
        if (document == null) {
            return StoredVersion.absent(validId);
        }
        DocumentVersion version =
                new DocumentVersion(document.get(ID), document.get(UPDATED_AT), document.get(UPDATED_AT_NS));
        try {
            return StoredVersion.of(CodeLogDocumentMapper.fromDocument(document), version);
        } catch (MalformedCodeLogException e) {
            return StoredVersion.unreadable(validId, e.reason(), version);
        }
    }

    /** Inserts the log when nothing was read, else replaces the document read if it is unchanged. */
    boolean putIfUnchanged(CodeLog stored, StoredVersion read) {
        Objects.requireNonNull(read, "read");
        if (!stored.id().equals(read.id())) {
            throw new InvalidCodeLogException("read", "is of log " + read.id() + ", not of log " + stored.id());
        }
        Document document = CodeLogDocumentMapper.toDocument(stored);
        if (!read.exists()) {
            return collection.execute("putIfUnchanged", raw -> {
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
        DocumentVersion version = versionOf(read);
        // The document keeps the _id it has, ObjectId or string.
        document.remove(ID);
        return collection.execute(
                "putIfUnchanged",
                raw -> raw.replaceOne(version.filter(), document).getMatchedCount() > 0);
    }

    boolean deleteIfUnchanged(StoredVersion read) {
        Objects.requireNonNull(read, "read");
        if (!read.exists()) {
            throw new IllegalArgumentException("nothing was stored under " + read.id() + " to delete");
        }
        DocumentVersion version = versionOf(read);
        return collection.execute(
                "deleteIfUnchanged", raw -> raw.deleteOne(version.filter()).getDeletedCount() > 0);
    }

    private static DocumentVersion versionOf(StoredVersion read) {
        if (read.version() instanceof DocumentVersion version) {
            return version;
        }
        throw new IllegalArgumentException("the version of " + read.id() + " was not read from MongoDB");
    }
}
