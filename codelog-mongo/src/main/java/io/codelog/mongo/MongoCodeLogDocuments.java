package io.codelog.mongo;

import io.codelog.core.CodeLog;
import io.codelog.core.MalformedCodeLogException;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * How {@link MongoCodeLogRepository} reads its documents, for tools that stream the collection directly (the
 * migration reads it with a cursor instead of page by page): both historical id shapes, the {@code *_ns}
 * nanosecond fields, and the defaults for a missing {@code updated_at} or content.
 */
public final class MongoCodeLogDocuments {

    /** The field holding a log's createdAt (milliseconds; the rest of the nanoseconds sit in {@code _ns}). */
    public static final String CREATED_AT = CodeLogDocumentMapper.CREATED_AT;

    /** Go's zero {@code time.Time}, which its BSON encoder writes for a time never set: not a usable createdAt. */
    public static final Date GO_ZERO_TIME = Date.from(Instant.parse("0001-01-01T00:00:00Z"));

    private MongoCodeLogDocuments() {}

    /**
     * The log a document of the store holds.
     *
     * @throws MalformedCodeLogException naming the field that is missing or invalid, never its value
     */
    public static CodeLog read(Document document) {
        return CodeLogDocumentMapper.fromDocument(document);
    }
}
