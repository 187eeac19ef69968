package io.codelog.mongo;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogIds;
import io.codelog.core.MalformedCodeLogException;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a page of documents into logs, skipping the unreadable ones so that one bad document does not break
 * a listing. Each skip is logged at WARN with the document's {@code _id} and the reason, never its content.
 */
final class CodeLogPageReader {

    private static final Logger LOG = LoggerFactory.getLogger(MongoCodeLogRepository.class);
    private static final int MAX_SHOWN_ID_LENGTH = 64;

    private final String collection;

    CodeLogPageReader(String collection) {
        this.collection = collection;
    }

    List<CodeLog> read(List<Document> documents) {
        List<CodeLog> logs = new ArrayList<>(documents.size());
        for (Document document : documents) {
            try {
                logs.add(CodeLogDocumentMapper.fromDocument(document));
            } catch (MalformedCodeLogException e) {
                LOG.warn(
                        "Skipping unreadable code log {} in collection '{}': {}",
                        describeId(document.get(CodeLogDocumentMapper.ID)),
                        collection,
                        e.getMessage());
            }
        }
        return logs;
    }

    /** The {@code _id} as it can safely appear in a log line: ids of any type may hold anything. */
    static String describeId(@Nullable Object id) {
        if (id instanceof ObjectId objectId) {
            return objectId.toHexString();
        }
        if (id instanceof String text) {
            if (CodeLogIds.isUuid(text) || CodeLogIds.isObjectId(text)) {
                return text;
            }
            return text.length() > MAX_SHOWN_ID_LENGTH
                    ? "a string of " + text.length() + " characters"
                    : printable(text);
        }
        if (id instanceof Number) {
            return id.toString();
        }
        return id == null ? "(no _id)" : "a " + id.getClass().getSimpleName();
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || !Character.isDefined(cp) || cp == '"' || cp == '\\') {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
