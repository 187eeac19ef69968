package io.codelog.test;

import java.time.Instant;

/**
 * An instant {@link CodeLogRepositoryContract} runs from: the middle of a day, and the edges of a UTC day, month
 * and year, where a store that files logs by date (S3's day prefixes) must still find every log of a run that
 * began before the edge.
 */
public enum ContractStart {
    /** An ordinary instant in the middle of a day. */
    MIDDAY("2025-03-14T09:26:53.589Z", "the middle of a day"),
    /** The last millisecond of a UTC day. */
    LAST_MILLISECOND_OF_DAY("2025-03-14T23:59:59.999Z", "the last millisecond of a day"),
    /** The first instant of a UTC day. */
    FIRST_INSTANT_OF_DAY("2025-03-15T00:00:00Z", "the first instant of a day"),
    /** The last second of a month (and of its last day). */
    LAST_SECOND_OF_MONTH("2025-04-30T23:59:59Z", "the last second of a month"),
    /** The last second of a year, its last month and its last day: 31 December to 1 January. */
    LAST_SECOND_OF_YEAR("2025-12-31T23:59:59Z", "the last second of a year");

    private final Instant instant;
    private final String why;

    ContractStart(String instant, String why) {
        this.instant = Instant.parse(instant);
        this.why = why;
    }

    /** The instant the clock starts at. */
    public Instant instant() {
        return instant;
    }

    /** The instant and why it is there, e.g. {@code 2025-03-15T00:00:00Z (the first instant of a day)}. */
    @Override
    public String toString() {
        return instant + " (" + why + ")";
    }
}
