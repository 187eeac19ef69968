package io.codelog.migration;

/**
 * The kinds of store request the engine counts, rate-limits and prices. S3 bills PUT and LIST in one class and
 * GET and HEAD in another; DeleteObjects is free; MongoDB round trips are counted but not priced.
 */
public enum RequestKind {
    /** One S3 PutObject. */
    S3_PUT,
    /** One S3 ListObjectsV2 page. */
    S3_LIST,
    /** One S3 GetObject. */
    S3_GET,
    /** One S3 HeadObject. */
    S3_HEAD,
    /** One S3 DeleteObjects. */
    S3_DELETE,
    /** One MongoDB round trip made for one log. */
    MONGO;

    /** Whether S3 bills this request at the PUT, COPY, POST and LIST rate. */
    boolean billedAsPut() {
        return this == S3_PUT || this == S3_LIST;
    }

    /** Whether S3 bills this request at the GET and HEAD rate. */
    boolean billedAsGet() {
        return this == S3_GET || this == S3_HEAD;
    }
}
