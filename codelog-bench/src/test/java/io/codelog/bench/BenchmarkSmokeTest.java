package io.codelog.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the whole benchmark at tiny sizes so that it cannot rot, and checks the figures it must get right. */
class BenchmarkSmokeTest {

    private static final String SERVERS = "CODELOG_TEST_SERVERS";
    private static final Pattern LIVE_HEAP = Pattern.compile("^live ([0-9.]+) MiB");
    private static final Pattern PAGE_DAYS = Pattern.compile("per day scanned \\((\\d+)\\)");
    private static final Pattern COUNT_DAYS = Pattern.compile("days scanned: (\\d+)");

    @Test
    void runsEverySectionAtTinySizesAndMeetsTheRequestTargets() {
        BenchmarkOptions tiny = BenchmarkOptions.parse(
                "--sizes=30,50",
                "--disk-above=40",
                "--run-size=40",
                "--ops=20",
                "--mongo-ops=20",
                "--mongo-docs=60",
                "--repetitions=1",
                "--delay-ms=2",
                "--latency-samples=3",
                "--migration-logs=60",
                "--memory-logs=150,300");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        ReportTable table = onEmbeddedServers(
                () -> new Benchmark(tiny, new PrintStream(progress, true, StandardCharsets.UTF_8)).run());

        List<ReportTable.Row> rows = table.rows();
        assertThat(rows)
                .extracting(ReportTable.Row::section)
                .contains(
                        S3SideBySide.SECTION,
                        IdIndexSection.SECTION,
                        MongoSideBySide.SECTION,
                        RequestCountSection.SECTION,
                        LatencySection.SECTION,
                        ScaleSection.SECTION,
                        MigrationSideBySide.SECTION,
                        MemorySection.SECTION);
        List<ReportTable.Row> counts = rows.stream()
                .filter(row -> row.section().equals(RequestCountSection.SECTION))
                .toList();
        assertThat(counts)
                .hasSize(10)
                .allSatisfy(row -> assertThat(row.met())
                        .as(row.measurement() + " " + row.target())
                        .isTrue());
        assertThat(counts.get(0).codelog()).isEqualTo("2 GET");
        assertOneListPerDayScanned(counts.get(2), counts.get(3));
        // The second size ran on a disk-backed server of its own, with the same request counts.
        assertThat(progress.toString(StandardCharsets.UTF_8))
                .contains("starting a disk-backed S3 server for 50 logs")
                .doesNotContain("starting a disk-backed S3 server for 30 logs");
        assertThat(counts.get(5).measurement()).startsWith("50 logs");
        assertThat(counts.get(5).codelog()).isEqualTo("2 GET");
        assertOneListPerDayScanned(counts.get(7), counts.get(8));

        List<ReportTable.Row> idIndex = section(rows, IdIndexSection.SECTION);
        assertThat(idIndex).hasSize(15);
        List<ReportTable.Row> perCreate = idIndex.stream()
                .filter(row -> row.measurement().startsWith("requests per create"))
                .toList();
        assertThat(perCreate)
                .extracting(ReportTable.Row::codelog)
                .as("s3, mongo, none, counted over every create")
                .containsExactly("2 PUT", "1 PUT + 1 Mongo insert", "1 PUT");
        assertThat(perCreate)
                .allSatisfy(row -> assertThat(row.met()).as(row.target()).isTrue());
        List<ReportTable.Row> lookups = idIndex.stream()
                .filter(row -> row.measurement().startsWith("findById"))
                .toList();
        assertThat(lookups.subList(0, 2))
                .allSatisfy(row -> assertThat(row.met())
                        .as(row.measurement() + " " + row.codelog())
                        .isTrue());
        assertThat(lookups.get(2).codelog())
                .as("none: the search")
                .contains("LIST")
                .contains("1 GET");
        assertThat(idIndex.stream().filter(row -> row.measurement().startsWith("per 1,000,000 logs")))
                .extracting(ReportTable.Row::codelog)
                .satisfiesExactly(
                        s3 -> assertThat(s3).startsWith("2,000,000 S3 PUT; 2 S3 GET per lookup; 0 Mongo writes"),
                        mongo -> assertThat(mongo)
                                .startsWith("1,000,000 S3 PUT; 1 S3 GET per lookup; 1,000,000 Mongo writes")
                                .doesNotContain("writes, 0 Mongo bytes"),
                        none -> assertThat(none).startsWith("1,000,000 S3 PUT; 1 S3 GET per lookup; 0 Mongo writes"));

        List<ReportTable.Row> migration = section(rows, MigrationSideBySide.SECTION);
        assertThat(migration).hasSize(2);
        assertThat(migration.get(0).codelog()).endsWith("logs/s");
        assertThat(migration.get(0).ratio()).isNotBlank();
        assertThat(migration.get(1).codelog())
                .as("the engine wrote each log and its pointer once, and listed each of the 5 days once")
                .startsWith("S3: 120 PUT + 5 LIST;");
        assertThat(migration.get(1).baseline()).startsWith("S3: 120 PUT;");

        List<ReportTable.Row> scale = section(rows, ScaleSection.SECTION);
        assertThat(scale).hasSize(4).allSatisfy(row -> {
            assertThat(row.baseline()).as(row.measurement()).isNotBlank();
            assertThat(row.ratio()).as(row.measurement()).isNotBlank();
        });

        List<ReportTable.Row> reads = section(rows, ReadCostSection.SECTION);
        assertThat(reads)
                .hasSize(10)
                .allSatisfy(row -> assertThat(row.met())
                        .as(row.measurement() + ": " + row.codelog() + " " + row.target())
                        .isTrue());
        assertThat(reads.subList(0, 3))
                .extracting(ReportTable.Row::codelog)
                .as("30 logs a day: the first miss lists the id's day and both neighbours once; the next 9 do not list")
                .containsExactly("3 LIST + 1 GET", "13 (1.3 per lookup)", "1 PUT + 1 LIST + 2 GET");
        assertThat(reads.subList(6, 8))
                .extracting(ReportTable.Row::codelog)
                .as("a run of 5 days: 1 LIST per day from the day before it to the day after it")
                .containsExactly("7 LIST", "7 LIST + 20 GET");
        assertThat(reads.subList(8, 10))
                .extracting(ReportTable.Row::codelog)
                .as("a UUID run on 2 days: the list window, then its 2 days and the last 3")
                .containsExactly("33 LIST + 20 GET", "5 LIST + 20 GET");

        List<ReportTable.Row> memory = section(rows, MemorySection.SECTION);
        assertThat(memory).hasSize(3);
        for (ReportTable.Row row : memory.subList(0, 2)) {
            assertThat(row.met()).as(row.target()).isTrue();
            Matcher live = LIVE_HEAP.matcher(row.codelog());
            assertThat(live.find()).as(row.codelog()).isTrue();
            assertThat(Double.parseDouble(live.group(1))).isPositive().isLessThan(256);
        }
        assertThat(memory.get(0).target()).contains("150 of 150 migrated");
        assertThat(memory.get(2).measurement())
                .startsWith("extrapolation to 1,000,000 logs (live heap 150 → 300 logs)");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        table.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("| section")
                .contains("| 2 GET");
    }

    /**
     * The seeded run's window is its start day - 1 to tomorrow: 3 days, or 4 when the run (the last hour)
     * began the UTC day before. A page LISTs each of them at most once and count exactly once.
     */
    private static void assertOneListPerDayScanned(ReportTable.Row page, ReportTable.Row count) {
        Matcher pageDays = PAGE_DAYS.matcher(page.target());
        Matcher countDays = COUNT_DAYS.matcher(count.target());
        assertThat(pageDays.find()).as(page.target()).isTrue();
        assertThat(countDays.find()).as(count.target()).isTrue();
        assertThat(pageDays.group(1)).isIn("3", "4");
        assertThat(countDays.group(1)).isIn("3", "4");
        assertThat(page.codelog()).startsWith(pageDays.group(1) + " LIST + ");
        assertThat(count.codelog()).isEqualTo(countDays.group(1) + " LIST");
    }

    /**
     * Runs on the embedded servers, as {@link BenchmarkMain} does, and leaves {@code CODELOG_TEST_SERVERS} as it
     * found it for the tests that run after this one in the same JVM.
     */
    private static <T> T onEmbeddedServers(Supplier<T> run) {
        String before = System.getProperty(SERVERS);
        System.setProperty(SERVERS, "embedded");
        try {
            return run.get();
        } finally {
            if (before == null) {
                System.clearProperty(SERVERS);
            } else {
                System.setProperty(SERVERS, before);
            }
        }
    }

    private static List<ReportTable.Row> section(List<ReportTable.Row> rows, String section) {
        return rows.stream().filter(row -> row.section().equals(section)).toList();
    }

    @Test
    void parsesTheFlagsThatAddSizes() {
        assertThat(BenchmarkOptions.parse().sizes()).containsExactly(1_000, 10_000, 100_000);
        assertThat(BenchmarkOptions.parse("--huge").sizes()).containsExactly(1_000, 10_000, 100_000, 1_000_000);
        assertThat(BenchmarkOptions.parse("--sizes=1000", "--huge").sizes()).containsExactly(1_000, 1_000_000);
        assertThat(BenchmarkOptions.parse().diskAbove()).isEqualTo(200_000);
        assertThat(BenchmarkArguments.usage().replaceAll("\\s+", " "))
                .contains("(default: 200000)")
                .contains("(default: 300)");
        assertThat(BenchmarkOptions.parse("--disk-above=5").diskAbove()).isEqualTo(5);
        assertThat(BenchmarkOptions.parse("--delay-ms=7").delay()).isEqualTo(Duration.ofMillis(7));
        assertThat(BenchmarkOptions.parse("--memory-logs=1000000").memoryLogs()).containsExactly(1_000_000);
        assertThat(BenchmarkOptions.parse("--migration-logs=7").migrationLogs()).isEqualTo(7);
        assertThatThrownBy(() -> BenchmarkOptions.parse("--migration-logs=0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("counts must be 1 or more");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--sizes=ten"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--sizes")
                .hasMessageContaining("'ten' is not an int")
                .hasMessageContaining("--memory-logs=<memoryLogs>");
        assertThat(BenchmarkOptions.parse().sections()).isEqualTo(BenchmarkOptions.SECTIONS);
        BenchmarkOptions idIndexOnly = BenchmarkOptions.parse("--sections=id-index");
        assertThat(idIndexOnly.runs("id-index")).isTrue();
        assertThat(idIndexOnly.runs("s3")).isFalse();
        assertThat(idIndexOnly.describe()).endsWith("sections=id-index");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--sections=id-index,dynamo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--sections takes names among");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option: '--fast'");
    }

    @Test
    void parsesWhenTheMicroBenchmarksRun() {
        assertThat(BenchmarkOptions.parse().jmh()).isEqualTo(BenchmarkOptions.Jmh.AFTER_SERVERS);
        assertThat(BenchmarkOptions.parse("--jmh").jmh()).isEqualTo(BenchmarkOptions.Jmh.ONLY);
        assertThat(BenchmarkOptions.parse("--no-jmh").jmh()).isEqualTo(BenchmarkOptions.Jmh.SKIP);
        assertThatThrownBy(() -> BenchmarkOptions.parse("--jmh", "--no-jmh"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exclude each other");
    }

    @Test
    void everyMicroBenchmarkIsDescribedAndComputesWhatItsRowSays() {
        List<String> benchmarks = Arrays.stream(CodeLogMicroBenchmarks.class.getMethods())
                .filter(method -> method.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class))
                .map(Method::getName)
                .toList();
        assertThat(JmhSection.DESCRIPTIONS.keySet()).containsExactlyInAnyOrderElementsOf(benchmarks);

        CodeLogMicroBenchmarks micro = new CodeLogMicroBenchmarks();
        micro.setUp();
        CodeLog decoded = micro.jsonDecode();
        assertThat(micro.jsonEncode()).isEqualTo(new CodeLogJson().write(decoded));
        assertThat(micro.requireValidObjectId()).isEqualTo(decoded.id());
        assertThat(micro.requireValidUuid()).isEqualTo(decoded.codeId());
        assertThat(micro.prepareCreate().id())
                .isNotNull()
                .isNotEqualTo(micro.prepareCreate().id());
        assertThat(micro.s3LogKey())
                .startsWith("codeactions/logs/2025/06/15/" + decoded.runId() + "/" + decoded.codeId() + "/")
                .endsWith(decoded.id() + ".json");
        assertThat(micro.s3IndexKey()).startsWith("codeactions/").endsWith(decoded.id() + ".json");
        assertThat(micro.s3ParseKey()).hasValueSatisfying(key -> {
            assertThat(key.logId()).isEqualTo(decoded.id());
            assertThat(key.runId()).isEqualTo(decoded.runId());
            assertThat(key.day()).isEqualTo(LocalDate.of(2025, 6, 15));
        });
    }
}
