package io.codelog.migration;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The keys under one or more day prefixes, in order, one ListObjectsV2 page in memory at a time. */
final class S3DayListing implements SourceCursor {

    private final S3Requests requests;
    private final String partition;
    private final Deque<String> prefixes;
    private final int pageSize;
    private final RequestGate gate;
    private @Nullable String startAfter;
    private @Nullable String continuationToken;
    private boolean prefixExhausted;
    private Iterator<S3Object> page = List.<S3Object>of().iterator();

    S3DayListing(
            S3Requests requests,
            String partition,
            List<String> prefixes,
            @Nullable String startAfter,
            int pageSize,
            RequestGate gate) {
        this.requests = requests;
        this.partition = partition;
        this.prefixes = new ArrayDeque<>(prefixes);
        this.startAfter = startAfter;
        this.pageSize = pageSize;
        this.gate = gate;
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext()) {
            if (prefixExhausted) {
                prefixes.removeFirst();
                prefixExhausted = false;
                startAfter = null;
            }
            if (prefixes.isEmpty()) {
                return false;
            }
            String prefix = prefixes.getFirst();
            String after = startAfter != null && startAfter.startsWith(prefix) ? startAfter : null;
            ListObjectsV2Response response =
                    requests.list("migration.list", prefix, after, continuationToken, pageSize, gate);
            page = response.contents().iterator();
            continuationToken = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
            prefixExhausted = continuationToken == null;
        }
        return true;
    }

    @Override
    public SourceEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        S3Object object = page.next();
        return new SourceEntry(partition, object.key(), object.key(), S3Requests.unquote(object.eTag()));
    }

    /** A listing holds nothing on the server. */
    @Override
    public void close() {}
}
