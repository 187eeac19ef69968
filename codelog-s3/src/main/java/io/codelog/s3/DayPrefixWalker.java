package io.codelog.s3;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Finds the day prefixes that exist under a root by listing with delimiter {@code /} level by level: years
 * under the root, months under each year, days under each month. Never guesses dates, so it finds the oldest
 * day however old; costs 1 LIST for the root, 1 per year and 1 per month (months listed in parallel).
 */
final class DayPrefixWalker {

    private static final String DELIMITER = "/";

    private final S3Calls calls;
    private final S3KeyLayout layout;
    private final RequestPool pool;

    DayPrefixWalker(S3Calls calls, S3KeyLayout layout, RequestPool pool) {
        this.calls = calls;
        this.layout = layout;
        this.pool = pool;
    }

    /** The days under the root up to and including {@code last}, oldest first. */
    NavigableSet<LocalDate> days(String operation, LogKey.Root root, LocalDate last) {
        List<MonthPrefix> months = new ArrayList<>();
        for (String yearPrefix : childPrefixes(operation, layout.root(root))) {
            int year = S3KeyLayout.lastNumberSegment(yearPrefix, 4);
            if (year < 0 || year > last.getYear()) {
                continue;
            }
            for (String monthPrefix : childPrefixes(operation, yearPrefix)) {
                int month = S3KeyLayout.lastNumberSegment(monthPrefix, 2);
                if (month >= 1 && month <= 12 && (year < last.getYear() || month <= last.getMonthValue())) {
                    months.add(new MonthPrefix(YearMonth.of(year, month), monthPrefix));
                }
            }
        }
        NavigableSet<LocalDate> days = new TreeSet<>();
        for (List<LocalDate> monthDays : pool.map(operation, months, month -> daysOf(operation, month))) {
            monthDays.stream().filter(day -> !day.isAfter(last)).forEach(days::add);
        }
        return days;
    }

    private List<LocalDate> daysOf(String operation, MonthPrefix month) {
        List<LocalDate> days = new ArrayList<>();
        for (String dayPrefix : childPrefixes(operation, month.prefix())) {
            int day = S3KeyLayout.lastNumberSegment(dayPrefix, 2);
            if (day >= 1 && day <= month.month().lengthOfMonth()) {
                days.add(month.month().atDay(day));
            }
        }
        return days;
    }

    /** A month that exists under a root, and its prefix. */
    private record MonthPrefix(YearMonth month, String prefix) {}

    private List<String> childPrefixes(String operation, String parent) {
        List<String> children = new ArrayList<>();
        String token = null;
        do {
            S3Calls.ListPage page = calls.list(operation, parent, DELIMITER, token);
            children.addAll(page.commonPrefixes());
            token = page.nextToken();
        } while (token != null);
        return children;
    }
}
