package io.codelog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo runs to the end on the servers it starts, with nothing configured. */
class DemoCommandTest {

    @Test
    @DisplayName("demo seeds, migrates, verifies, switches, rolls back and verifies again: 0 missing, 0 different")
    void runsToTheEnd() {
        long start = System.nanoTime();
        CliRun run = CliRun.of(Map.of(), "demo");
        System.out.println(run.out());
        System.out.printf("demo took %.1f s%n", (System.nanoTime() - start) / 1e9);

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out())
                .contains("after the migration 0 missing, 0 different; after the rollback 0 missing, 0 different")
                .contains("identical to MongoDB's: yes");
    }
}
