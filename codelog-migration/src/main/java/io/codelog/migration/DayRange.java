package io.codelog.migration;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * One UTC day partition: its name {@code yyyy-MM-dd} and its bounds.
 *
 * @param day the UTC date
 */
record DayRange(LocalDate day) {

    /** The most days one job covers: 100 years. */
    static final int MAX_DAYS = 36_525;

    /**
     * The day a partition name stands for.
     *
     * @throws IllegalArgumentException when the name is not a {@code yyyy-MM-dd} date
     */
    static DayRange of(String partition) {
        try {
            return new DayRange(LocalDate.parse(partition));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a day partition (yyyy-MM-dd): " + partition, e);
        }
    }

    /** The names of the days from {@code from} up to but excluding {@code toExclusive}. */
    static List<String> days(LocalDate from, LocalDate toExclusive) {
        List<String> days = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(toExclusive); day = day.plusDays(1)) {
            days.add(day.toString());
        }
        return days;
    }

    Date startDate() {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    Date endDate() {
        return Date.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
