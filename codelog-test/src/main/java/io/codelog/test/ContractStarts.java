package io.codelog.test;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The instants {@link CodeLogRepositoryContract} runs from, once each: a plain instant in the middle of a day,
 * then the edges of a UTC day, month and year, where a store that files logs by date (S3's day prefixes) must
 * still find every log of a run that began before the edge.
 */
final class ContractStarts {

    private ContractStarts() {}

    /** Each start instant, named by its ISO-8601 form and why it is there. */
    static Stream<Named<Instant>> instants() {
        return Stream.of(
                start("2025-03-14T09:26:53.589Z", "the middle of a day"),
                start("2025-03-14T23:59:59.999Z", "the last millisecond of a day"),
                start("2025-03-15T00:00:00Z", "the first instant of a day"),
                start("2025-04-30T23:59:59Z", "the last second of a month"),
                start("2025-12-31T23:59:59Z", "the last second of a year"));
    }

    private static Named<Instant> start(String instant, String why) {
        return Named.of(instant + " (" + why + ")", Instant.parse(instant));
    }
}
