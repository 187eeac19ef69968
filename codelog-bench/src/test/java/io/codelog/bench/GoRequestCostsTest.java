package io.codelog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Go service's request counts as computed from its algorithm. */
class GoRequestCostsTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    private final GoRequestCosts go =
            new GoRequestCosts(Map.of(TODAY, 1_900, TODAY.minusDays(1), 900, TODAY.minusDays(9), 1_000), TODAY);

    @Test
    void getByIdListsEveryDayFromTodayBackToTheLogsDay() {
        assertThat(go.getById(TODAY).toString()).isEqualTo("2 LIST + 1 GET");
        // today 2 + yesterday 1 + 7 empty days 1 each + the log's day 1
        assertThat(go.getById(TODAY.minusDays(9)).toString()).isEqualTo("11 LIST + 1 GET");
        assertThat(go.getById(TODAY.minusDays(40)).toString()).isEqualTo("31 LIST");
    }

    @Test
    void listRunLogsListsAWeekAndGetsTheWholeRun() {
        assertThat(go.listRunLogs(1_000).toString()).isEqualTo("8 LIST + 1,000 GET");
    }

    @Test
    void deleteOlderDeletesOneObjectPerRequest() {
        assertThat(go.deleteOlder(TODAY.minusDays(4), 1_000).toString()).isEqualTo("1 LIST + 1,000 DeleteObject");
    }
}
