package io.codelog.it.history;

/**
 * What one client asked of the store: the operation and its arguments, fields an operation does not take left null
 * or zero.
 *
 * @param kind the operation
 * @param run the run of a create or a listing, else null
 * @param id the id a create supplies (null for a generated one), or the id an update, delete or findById names
 * @param content the content a create or update writes: unique in the history, so a read names its writer
 * @param limit the page size of a listing
 * @param page the page number of a listing
 */
public record Call(Kind kind, String run, String id, String content, int limit, int page) {

    /** The operations of a history. */
    public enum Kind {
        /** {@code create}, with a supplied id or a generated one. */
        CREATE,
        /** {@code update}. */
        UPDATE,
        /** {@code delete}. */
        DELETE,
        /** {@code findById}. */
        FIND,
        /** One page of {@code listRunLogs}. */
        PAGE,
        /** {@code listRunLogs} of the whole run: page 1 of the largest page size. */
        LIST,
        /** {@code count} of a run. */
        COUNT;

        /** Whether the operation may change what the store holds. */
        public boolean writes() {
            return this == CREATE || this == UPDATE || this == DELETE;
        }

        /** Whether the operation returns a run's logs. */
        public boolean lists() {
            return this == PAGE || this == LIST;
        }
    }

    /** A create in this run, of this id (null to have the store generate one), writing this content. */
    public static Call create(String run, String suppliedId, String content) {
        return new Call(Kind.CREATE, run, suppliedId, content, 0, 0);
    }

    /** An update of this id to this content. */
    public static Call update(String id, String content) {
        return new Call(Kind.UPDATE, null, id, content, 0, 0);
    }

    /** A delete of this id. */
    public static Call delete(String id) {
        return new Call(Kind.DELETE, null, id, null, 0, 0);
    }

    /** A findById of this id. */
    public static Call find(String id) {
        return new Call(Kind.FIND, null, id, null, 0, 0);
    }

    /** One page of this run's listing. */
    public static Call page(String run, int limit, int page) {
        return new Call(Kind.PAGE, run, null, null, limit, page);
    }

    /** The run's whole listing, in one page of this size. */
    public static Call list(String run, int limit) {
        return new Call(Kind.LIST, run, null, null, limit, 1);
    }

    /** A count of this run. */
    public static Call count(String run) {
        return new Call(Kind.COUNT, run, null, null, 0, 0);
    }

    /** The leading word of a content, e.g. {@code c42}, which tells the writes of a history apart in print. */
    static String tag(String content) {
        int end = 0;
        while (end < content.length() && Character.isLetterOrDigit(content.charAt(end))) {
            end++;
        }
        return end == content.length() ? content : content.substring(0, end) + "...";
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CREATE ->
                "create(run " + run + ", " + (id == null ? "generated id" : "id " + id) + ", " + tag(content) + ")";
            case UPDATE -> "update(" + id + ", " + tag(content) + ")";
            case DELETE -> "delete(" + id + ")";
            case FIND -> "findById(" + id + ")";
            case PAGE -> "listRunLogs(run " + run + ", limit " + limit + ", page " + page + ")";
            case LIST -> "listRunLogs(run " + run + ", whole run)";
            case COUNT -> "count(run " + run + ")";
        };
    }
}
