package io.codelog.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the whole benchmark at tiny sizes so that it cannot rot, and checks the figures it must get right. */
class BenchmarkSmokeTest {

    @Test
    void runsEverySectionAtTinySizesAndMeetsTheRequestTargets() {
        BenchmarkOptions tiny = BenchmarkOptions.parse(
                "--sizes=50",
                "--run-size=40",
                "--ops=20",
                "--mongo-ops=20",
                "--mongo-docs=60",
                "--repetitions=1",
                "--delay-ms=2",
                "--latency-samples=3");
        System.setProperty("CODELOG_TEST_SERVERS", "embedded");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        ReportTable table = new Benchmark(tiny, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        List<ReportTable.Row> rows = table.rows();
        assertThat(rows)
                .extracting(ReportTable.Row::section)
                .contains(
                        S3SideBySide.SECTION,
                        MongoSideBySide.SECTION,
                        RequestCountSection.SECTION,
                        LatencySection.SECTION,
                        ScaleSection.SECTION);
        List<ReportTable.Row> counts = rows.stream()
                .filter(row -> row.section().equals(RequestCountSection.SECTION))
                .toList();
        assertThat(counts)
                .hasSize(5)
                .allSatisfy(row -> assertThat(row.met())
                        .as(row.measurement() + " " + row.target())
                        .isTrue());
        assertThat(counts.get(0).codelog()).isEqualTo("2 GET");
        assertThat(counts.get(3).codelog()).isEqualTo("3 LIST");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        table.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("| section")
                .contains("| 2 GET");
    }

    @Test
    void parsesTheFlagsThatAddSizes() {
        assertThat(BenchmarkOptions.parse().sizes()).containsExactly(1_000, 10_000);
        assertThat(BenchmarkOptions.parse("--large", "--huge").sizes())
                .containsExactly(1_000, 10_000, 100_000, 1_000_000);
        assertThat(BenchmarkOptions.parse("--delay-ms=7").delay()).isEqualTo(Duration.ofMillis(7));
        assertThatThrownBy(() -> BenchmarkOptions.parse("--sizes=ten"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--sizes=ten needs a whole number");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown argument --fast");
    }
}
