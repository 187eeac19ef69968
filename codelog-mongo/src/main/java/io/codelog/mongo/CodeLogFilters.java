package io.codelog.mongo;

import static io.codelog.mongo.CodeLogDocumentMapper.CREATED_AT;
import static io.codelog.mongo.CodeLogDocumentMapper.CREATED_AT_NS;
import static io.codelog.mongo.CodeLogDocumentMapper.ID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.codelog.core.CodeLogIds;
import io.codelog.core.RunFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/** The queries and sort orders of the store, written for the document shapes the Go service left behind. */
final class CodeLogFilters {

    /** The order of every listing, served by the run and code indexes. */
    static final Bson OLDEST_FIRST = Sorts.ascending(CREATED_AT, CREATED_AT_NS, ID);

    /** The order in which retention deletes, served by the {@code created_at} index. */
    static final Bson RETENTION_ORDER = Sorts.ascending(CREATED_AT);

    // A BSON date holds a signed 64-bit count of milliseconds; cutoffs beyond that range select every log or none.
    private static final Instant LATEST_DATE = Instant.ofEpochMilli(Long.MAX_VALUE);
    private static final Instant EARLIEST_DATE = Instant.ofEpochMilli(Long.MIN_VALUE);
    private static final Date LATEST_DATE_VALUE = new Date(Long.MAX_VALUE);
    private static final Date EARLIEST_DATE_VALUE = new Date(Long.MIN_VALUE);

    private CodeLogFilters() {}

    /** The log with this valid id, whether its ObjectId-like {@code _id} is stored as an ObjectId or a string. */
    static Bson byId(String validId) {
        return matchesId(ID, validId);
    }

    /** The logs of the filter's run and code; either id matches whether it is stored as an ObjectId or string. */
    static Bson byRun(RunFilter filter) {
        List<Bson> clauses = new ArrayList<>(2);
        if (filter.runId() != null) {
            clauses.add(matchesId(CodeLogDocumentMapper.RUN_ID, filter.runId()));
        }
        if (filter.codeId() != null) {
            clauses.add(matchesId(CodeLogDocumentMapper.CODE_ID, filter.codeId()));
        }
        return clauses.size() == 1 ? clauses.get(0) : Filters.and(clauses);
    }

    /** The logs created strictly before the cutoff, to the nanosecond. */
    static Bson createdBefore(Instant cutoff) {
        if (cutoff.isAfter(LATEST_DATE)) {
            return Filters.lte(CREATED_AT, LATEST_DATE_VALUE);
        }
        if (!cutoff.isAfter(EARLIEST_DATE)) {
            return Filters.lt(CREATED_AT, EARLIEST_DATE_VALUE);
        }
        MongoInstant split = MongoInstant.of(cutoff);
        Bson earlierMilli = Filters.lt(CREATED_AT, split.date());
        if (split.nanosOfMilli() == 0) {
            return earlierMilli;
        }
        // In the cutoff's own millisecond a log is older when its remainder is smaller; a missing remainder
        // (documents the Go service wrote) is 0, which "not >= n" matches and "< n" would not. The outer range
        // alone bounds the index scan, so the scan stays one ordered walk of the created_at index.
        return Filters.and(
                Filters.lte(CREATED_AT, split.date()),
                Filters.or(earlierMilli, Filters.not(Filters.gte(CREATED_AT_NS, split.nanosOfMilli()))));
    }

    private static Bson matchesId(String field, String validId) {
        if (CodeLogIds.isObjectId(validId)) {
            return Filters.in(field, new ObjectId(validId), validId);
        }
        return Filters.eq(field, validId);
    }
}
