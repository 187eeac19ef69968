package io.codelog.migration;

import org.bson.types.ObjectId;

/** The {@code _id} of a source document as text for a report: an ObjectId's hex, a string, or type and value. */
final class MongoSourceKey {

    private static final int MAX_KEY_LENGTH = 200;

    private MongoSourceKey() {}

    static String of(Object id) {
        String text;
        if (id == null) {
            return "(no _id)";
        } else if (id instanceof ObjectId objectId) {
            return objectId.toHexString();
        } else if (id instanceof String string) {
            text = string;
        } else {
            text = id.getClass().getSimpleName() + ":" + id;
        }
        return text.length() > MAX_KEY_LENGTH
                ? text.substring(0, MAX_KEY_LENGTH) + "...(" + text.length() + " chars)"
                : text;
    }
}
