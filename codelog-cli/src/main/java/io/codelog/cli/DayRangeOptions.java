package io.codelog.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** {@code --from} and {@code --to}: a range of UTC days, both ends included. */
final class DayRangeOptions {

    /** The most days one command covers: the migration engine's limit of 100 years. */
    static final int MAX_DAYS = 36_525;

    @Option(names = "--from", required = true, paramLabel = "yyyy-MM-dd", description = "First UTC day to include.")
    LocalDate from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "yyyy-MM-dd",
            description =
                    "Last UTC day to include (inclusive: --from 2025-01-01 --to 2025-01-31 is" + " all of January).")
    LocalDate to;

    /** The first day. */
    LocalDate from() {
        return from;
    }

    /**
     * The day after the last one.
     *
     * @throws CliUsageException when {@code --from} is after {@code --to} or the range is too long
     */
    LocalDate toExclusive() {
        return checked(from, to).plusDays(1);
    }

    /** The last day, checked against the first. */
    static LocalDate checked(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new CliUsageException(
                    "--from (" + from + ") is after --to (" + to + "): --to is the last day included.");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new CliUsageException("--from and --to cover more than " + MAX_DAYS + " days.");
        }
        return to;
    }

    /** {@code 2025-01-01..2025-01-31}, for output. */
    String describe() {
        return from + ".." + to;
    }
}
