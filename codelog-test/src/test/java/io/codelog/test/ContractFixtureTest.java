package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLogIds;
import io.codelog.core.CodeLogRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The contract's fixture")
class ContractFixtureTest {

    private static final Instant START = Instant.parse("2025-03-15T00:00:00Z");

    private final List<Instant> clockStarts = new ArrayList<>();
    private final ContractFixture fixture = new ContractFixture(
            rules -> {
                clockStarts.add(rules.clock().instant());
                return (CodeLogRepository) null;
            },
            () -> true);

    @Test
    @DisplayName("dates the runs 5 and 7 seconds before the start, across midnight here, as ObjectIds")
    void runsStartJustBeforeTheClock() {
        fixture.reset(START);

        assertThat(CodeLogIds.objectIdTime(fixture.run())).contains(Instant.parse("2025-03-14T23:59:55Z"));
        assertThat(CodeLogIds.objectIdTime(fixture.otherRun())).contains(Instant.parse("2025-03-14T23:59:53Z"));
        assertThat(CodeLogIds.objectIdTime(fixture.unknownObjectId())).contains(START);
        assertThat(fixture.clock().instant()).isEqualTo(START);
        assertThat(clockStarts).containsExactly(START);
    }

    @Test
    @DisplayName("gives each test new ids, all different")
    void newIdsPerTest() {
        fixture.reset(START);
        List<String> first = List.of(fixture.run(), fixture.otherRun(), fixture.unknownObjectId());
        fixture.reset(START);
        List<String> second = List.of(fixture.run(), fixture.otherRun(), fixture.unknownObjectId());

        assertThat(first).doesNotHaveDuplicates().doesNotContainAnyElementsOf(second);
        assertThat(second).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("refuses to run without a start instant")
    void needsAStart() {
        assertThatThrownBy(() -> fixture.reset(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("start");
    }

    @Test
    @DisplayName("finds the next UTC day, month and year, strictly after the instant")
    void boundaries() {
        Instant lastOfYear = Instant.parse("2025-12-31T23:59:59Z");

        assertThat(ContractCases.nextDay(START)).isEqualTo(Instant.parse("2025-03-16T00:00:00Z"));
        assertThat(ContractCases.nextDay(lastOfYear)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(ContractCases.nextMonth(Instant.parse("2025-04-30T23:59:59Z")))
                .isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
        assertThat(ContractCases.nextMonth(Instant.parse("2025-05-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(ContractCases.nextMonth(lastOfYear)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(ContractCases.nextYear(lastOfYear)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(ContractCases.nextYear(Instant.parse("2026-01-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }
}
