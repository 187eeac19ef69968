package io.codelog.mongo;

import java.time.Instant;
import java.util.Date;

/**
 * An instant as the store keeps it: a BSON date, which holds milliseconds, and the nanoseconds within that
 * millisecond in a separate int field, so that reading gives back the exact instant written.
 *
 * @param millis milliseconds since the epoch
 * @param nanosOfMilli nanoseconds within the millisecond, 0 to 999,999
 */
record MongoInstant(long millis, int nanosOfMilli) {

    static final int NANOS_PER_MILLI = 1_000_000;

    MongoInstant {
        if (nanosOfMilli < 0 || nanosOfMilli >= NANOS_PER_MILLI) {
            throw new IllegalArgumentException("nanosOfMilli must be 0 to 999999, was " + nanosOfMilli);
        }
    }

    static MongoInstant of(Instant instant) {
        // toEpochMilli floors, and getNano counts up from the floored second, so the remainder is never negative.
        return new MongoInstant(instant.toEpochMilli(), instant.getNano() % NANOS_PER_MILLI);
    }

    Date date() {
        return new Date(millis);
    }

    Instant toInstant() {
        return Instant.ofEpochMilli(millis).plusNanos(nanosOfMilli);
    }
}
