package io.codelog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code codelog cost}: measured from the bucket's listings, priced line by line. */
@ExtendWith(TestServers.class)
class CostCommandTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 10, 1);
    private static final Clock ON_THE_8TH = Clock.fixed(Instant.parse("2025-10-08T12:00:00Z"), ZoneOffset.UTC);

    private CliStores stores;

    @BeforeEach
    void migrateAWeek(MongoTestServer mongo, S3TestServer s3) {
        stores = new CliStores(mongo, s3);
        new DemoHistory(13).seed(stores.logs(), FIRST, 7, 280);
        assertThat(CliRun.of(stores.environment(), "migrate", "--from", "2025-10-01", "--to", "2025-10-07")
                        .exitCode())
                .isZero();
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    @DisplayName("measures objects and bytes by listing, writes per day from the last 7 days, and prices each line")
    void measured() {
        CliRun run = CliRun.of(stores.environment(), ON_THE_8TH, new Interruption(), "cost");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out())
                .contains("measured by listing 560 objects in 3 ListObjectsV2 requests")
                .containsPattern("logs\\s+280 objects")
                .containsPattern("id index\\s+280 objects")
                .contains("writes per day: 40 (average of the 7 complete UTC days 2025-10-01..2025-10-07")
                .contains("40 logs/day x 30 days x 2 PUT = 2,400 x $0.005 per 1,000")
                .containsPattern("PUT requests .* \\$0\\.0120")
                .contains("expiration")
                .containsPattern("total .* \\$0\\.01")
                .contains("at the 30-day retention");
    }

    @Test
    @DisplayName("--writes-per-day and reads are priced as given")
    void given() {
        CliRun run = CliRun.of(
                stores.environment(),
                "cost",
                "--writes-per-day",
                "1000000",
                "--gets-per-day",
                "2000000",
                "--lists-per-day",
                "10000");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out())
                .contains("writes per day: 1,000,000 (given)")
                .contains("1,000,000 logs/day x 30 days x 2 PUT = 60,000,000 x $0.005 per 1,000")
                .containsPattern("PUT requests .* \\$300\\.00")
                .containsPattern("GET requests .* \\$24\\.00")
                .containsPattern("LIST requests .* \\$1\\.50")
                .containsPattern("total .* \\$325\\.5\\d");
    }
}
