package dev.sparkcputour.report;

import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.results.Machine;

import dev.sparkcputour.results.WarmupOutcome;
import static dev.sparkcputour.results.WarmupOutcome.SETTLED;
import static dev.sparkcputour.results.WarmupOutcome.UNSETTLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sparkcputour.harness.Harness;
import dev.sparkcputour.workload.Trial;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.results.SparkMetrics;
import dev.sparkcputour.spark.TaskFaults;
import dev.sparkcputour.support.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The output formats against golden files. The files seal the machine-readable formats: a
 * change to them should be discussed first (see golden/report/README.md). Every format is
 * written twice, once under a comma-decimal locale, and must not change.
 */
class ReportFormatsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/report");
    /** Where a mismatching output is written, to diff against the golden file. */
    private static final Path ACTUAL = Path.of("target/golden-actual/report");

    static final String PRIMES_ANSWER = "148933";
    static final String IMAGE_ANSWER = "36587065.974127896";
    static final String INFERENCE_ANSWER = "crc32:c55075fa";

    /**
     * Fixed values throughout, so the output is the same on every machine: the tutorial's sizes
     * (a 3000×3000 image, ten 4×4 filters, ten iterations: ten jobs of ten tasks per run), one
     * Spark job per prime run, seconds that are exact in binary except 0.1, and {@code compare}'s
     * auto warm-ups, settled but for one row.
     */
    static Report report() {
        Machine machine = new Machine(8, "17.0.12", "4.2.0", "local[4]", "org.apache.spark.serializer.KryoSerializer",
                "Example CPU @ 3.00GHz",
                "OpenJDK 64-Bit Server VM 17.0.12+7", "CpuBackend", "OPENBLAS", "0123456789abcdef-dirty",
                Optional.of("local-1700000000000"));
        Map<String, Object> image = params("height", 3000, "width", 3000, "filters", 10, "filter_height", 4L,
                "filter_width", 4L, "image", "random, seed 42", "filter_source", "N(0,1), seed 42",
                "iterations", 10, "stride", 5, "kernel", "strided");
        Map<String, Object> inference = params("network", "784-512-10", "images", 70_000, "test_images", 10_000,
                "rounds", 10, "workers", 2);
        Map<String, Object> imageThreads = new LinkedHashMap<>(image);
        imageThreads.put("threads", 8);
        List<RunResult> runs = List.of(
                new RunResult("primes", "serial", params("n", 2_000_000L), List.of(1.5, 1.25, 1.0, 1.25, 1.0, 1.5),
                        List.of(1.25, 1.0, 1.5), PRIMES_ANSWER, Optional.empty(), List.of(), SETTLED),
                new RunResult("primes", "threads", params("n", 2_000_000L, "threads", 8),
                        List.of(0.5, 0.25, 0.25, 0.375, 0.25, 0.25), List.of(0.25, 0.1, 0.375), PRIMES_ANSWER,
                        Optional.empty(), List.of(), SETTLED),
                new RunResult("primes", "spark", params("n", 2_000_000L, "partitions", 32),
                        List.of(2.0, 1.0, 0.75, 0.625, 0.5, 0.625, 0.5, 0.75), List.of(0.5, 0.625, 0.75), PRIMES_ANSWER,
                        Optional.of(new SparkMetrics(32, 0, 0.125, 3.5, 0.001, 0.0625, 48_000, 12_345, 0,
                                List.of(3, 4, 5))), List.of(), SETTLED),
                new RunResult("image", "serial", image, List.of(4.0, 3.5, 3.25, 3.5, 3.75, 3.5), List.of(3.5, 3.25, 3.75),
                        IMAGE_ANSWER, Optional.empty(), List.of(), SETTLED),
                new RunResult("image", "threads", imageThreads, List.of(1.0, 0.875, 0.875, 0.8125, 0.875, 0.9375),
                        List.of(0.875, 0.8125, 0.9375), IMAGE_ANSWER, Optional.empty(), List.of(), SETTLED),
                // its budget spent before a window of runs stopped falling
                new RunResult("image", "spark-closure", image, List.of(6.0, 4.0, 3.0), List.of(2.5, 2.0, 3.0),
                        IMAGE_ANSWER, Optional.of(new SparkMetrics(100, 0, 0.5, 20.0, 0.25, 0.125, 288_012_000,
                                720_050_000, 100, IntStream.range(10, 40).boxed().toList())), List.of(), UNSETTLED),
                new RunResult("image", "spark-broadcast", image, List.of(2.0, 1.75, 1.5, 1.25, 1.5, 1.25, 1.5),
                        List.of(1.5, 1.75, 1.25), IMAGE_ANSWER, Optional.of(new SparkMetrics(100, 0, 0.0625, 15.0, 0.25,
                                0.0, 288_012_000, 72_050_000, 0, IntStream.range(40, 70).boxed().toList())), List.of(),
                        SETTLED),
                new RunResult("inference", "serial", inference, List.of(6.5), List.of(6.5, 6.25, 6.75),
                        INFERENCE_ANSWER, Optional.empty(), List.of(inits(1), inits(1), inits(1)), SETTLED),
                new RunResult("inference", "spark-per-task", inference, List.of(27.0), List.of(26.5, 26.0, 27.0),
                        INFERENCE_ANSWER, Optional.of(new SparkMetrics(20, 0, 0.0625, 49.25, 0.0, 2.5, 200_000, 60_000, 0,
                                IntStream.range(70, 100).boxed().toList())), List.of(inits(20), inits(20), inits(20)), SETTLED),
                new RunResult("inference", "spark-per-executor", inference, List.of(5.0), List.of(4.75, 4.5, 5.0),
                        INFERENCE_ANSWER, Optional.of(new SparkMetrics(20, 0, 0.0625, 9.0, 0.0, 0.125, 200_000, 60_000, 0,
                                IntStream.range(100, 130).boxed().toList())), List.of(inits(1), inits(1), inits(1)), SETTLED));
        return new Report(machine, runs, OptionalDouble.of(1.75), Optional.of("http://127.0.0.1:4040"));
    }

    /** One timed repetition's count of model initialisations. */
    static Map<String, Long> inits(long n) {
        return Map.of("inits", n);
    }

    /** An ordered map from alternating keys and values. */
    static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"results.json", "results.csv", "table.txt"})
    void matchesTheGoldenFileInAnyLocale(String golden) throws IOException {
        Path file = GOLDEN.resolve(golden);
        // a missing golden file fails below like a changed one, leaving the output to review
        String expected = Files.exists(file) ? normalised(Files.readString(file, StandardCharsets.UTF_8)) : null;
        String plain = write(format(golden), report());
        Locale before = Locale.getDefault();
        String german;
        try {
            Locale.setDefault(Locale.GERMANY); // a comma-decimal locale must not change a single character
            german = write(format(golden), report());
        } finally {
            Locale.setDefault(before);
        }
        assertEquals(plain, german, golden + " depends on the default locale");
        if (!plain.equals(expected)) {
            Files.createDirectories(ACTUAL);
            Files.writeString(ACTUAL.resolve(golden), plain, StandardCharsets.UTF_8);
            fail(golden + " differs from the golden file; the output is in " + ACTUAL.resolve(golden)
                    + " (a format change should be discussed first)\n" + plain);
        }
    }

    @Test
    void tableTimesKeepThreeSignificantDigitsBelowTenMilliseconds() {
        assertEquals("12.346", TableFormat.seconds(12.3456));
        assertEquals("0.156", TableFormat.seconds(0.156));
        assertEquals("0.010", TableFormat.seconds(0.01));
        assertEquals("0.00530", TableFormat.seconds(0.0053));
        assertEquals("0.000170", TableFormat.seconds(0.00016955), "a settled sieve at 2,000,000, not 0.000");
        assertEquals("0.0000123", TableFormat.seconds(0.0000123));
        assertEquals("0.000", TableFormat.seconds(0));
    }

    @Test
    void csvHasOneColumnPerParameterEmptyWhereARunLacksIt() throws IOException {
        Csv.Table csv = Csv.read(write(new CsvFormat(), report()));
        assertEquals(List.of("workload", "strategy", "phase", "repetition", "seconds", "answer", "settled", "n", "threads",
                "partitions", "height", "width", "filters", "filter_height", "filter_width", "image", "filter_source",
                "iterations", "stride", "kernel", "network", "images", "test_images", "rounds", "workers", "inits"),
                csv.header(), "the parameters in the order the runs first name them, then the counts");
        assertEquals(report().runs().stream().mapToInt(r -> r.warmupSeconds().size() + r.seconds().size()).sum(),
                csv.rows().size());
        csv.rows().forEach(row -> Double.parseDouble(row.get("seconds")));
        Map<String, String> imageRow = csv.rows().stream().filter(r -> r.get("workload").equals("image")).findFirst()
                .orElseThrow();
        assertEquals(List.of("image", "serial", "warmup", "1", "4.000000", IMAGE_ANSWER, "true"),
                CsvFormat.FIXED.stream().map(imageRow::get).toList());
        assertEquals("random, seed 42", imageRow.get("image"));
        assertEquals("", imageRow.get("threads"), "serial has no threads");
        assertEquals("", imageRow.get("n"), "n is the primes' parameter");
        assertEquals("", imageRow.get("inits"), "the image counts nothing");
        List<String> perTask = csv.rows().stream().filter(row -> row.get("strategy").equals("spark-per-task"))
                .map(row -> row.get("phase") + ":" + row.get("inits")).toList();
        assertEquals(List.of("warmup:", "timed:20", "timed:20", "timed:20"), perTask, "counts of timed repetitions only");
    }

    /** Each timed row has its own repetition's count; the JSON has their mean. */
    @Test
    void csvCountsAreEachRepetitionsOwn() throws IOException {
        Report report = new Report(report().machine(), List.of(new RunResult("inference", "spark-per-executor", Map.of(),
                List.of(1.0), List.of(1.0, 2.0, 3.0), "crc32:0", Optional.empty(), List.of(inits(2), inits(2), inits(1)), WarmupOutcome.FIXED)),
                OptionalDouble.empty(), Optional.empty());
        Csv.Table csv = Csv.read(write(new CsvFormat(), report));
        assertEquals(List.of("", "2", "2", "1"), csv.rows().stream().map(row -> row.get("inits")).toList());
        assertTrue(write(new JsonFormat(), report).contains("\"inits\" : 2\n"), "the JSON's mean, rounded");
    }

    @Test
    void aCountNamedLikeAParameterIsRefused() {
        Report report = new Report(report().machine(), List.of(new RunResult("w", "s", params("inits", 3),
                List.of(), List.of(1.0), "1", Optional.empty(), List.of(inits(1)), WarmupOutcome.FIXED)), OptionalDouble.empty(), Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> new CsvFormat().writeOut(report, new StringBuilder()));
    }

    /** A fixed number of warm-ups, as {@code --warmup W} gives: not judged, so nothing is marked. */
    @Test
    void fixedWarmUpsAreNotJudged() throws IOException {
        Report fixed = new Report(report().machine(), report().runs().stream().map(r -> new RunResult(r.workload(),
                r.strategy(), r.params(), r.warmupSeconds().subList(0, 1), r.seconds(), r.answer(), r.sparkMetrics()))
                .toList(), OptionalDouble.empty(), Optional.empty());
        String table = write(new TableFormat(), fixed);
        assertFalse(table.contains("*"), table);
        assertTrue(table.contains("\n3 timed repetition(s) per strategy; times cover the work only.\n"), table);
        assertTrue(table.startsWith("workload  strategy            median s     min s  speedup"), "no mark column: " + table);
        String json = write(new JsonFormat(), fixed);
        assertTrue(json.contains("\"warmup\" : {\n      \"mode\" : \"fixed\",\n      \"runs\" : 1,\n      \"settled\" : null\n    }"),
                json);
        Csv.read(write(new CsvFormat(), fixed)).rows().forEach(row -> assertEquals("", row.get("settled"), row.toString()));
    }

    /** Written raw: {@link #write} normalises line endings, which would change a value holding "\r\n". */
    @Test
    void anAwkwardParameterValueRoundTripsExactly() throws IOException {
        String awkward = " a,b;c=d \"quoted\" \nnext\r\nline\rend ";
        Report report = new Report(report().machine(), List.of(
                new RunResult("w", "odd", params("label", awkward), List.of(), List.of(1.0), "1", Optional.empty()),
                new RunResult("w", "plain", params("k", 2), List.of(), List.of(2.0), "1", Optional.empty())),
                OptionalDouble.empty(), Optional.empty());
        StringBuilder out = new StringBuilder();
        new CsvFormat().writeOut(report, out);

        Csv.Table csv = Csv.read(out.toString());
        assertEquals(List.of("label", "k"), csv.header().subList(CsvFormat.FIXED.size(), csv.header().size()));
        assertEquals(2, csv.rows().size(), out.toString());
        assertEquals(awkward, csv.rows().get(0).get("label"));
        assertEquals("", csv.rows().get(0).get("k"));
        assertEquals("", csv.rows().get(1).get("label"));
        assertEquals("2", csv.rows().get(1).get("k"));
    }

    @Test
    void aParameterNamedLikeAFixedColumnIsRefused() {
        Report report = new Report(report().machine(), List.of(new RunResult("w", "s", params("seconds", 3),
                List.of(), List.of(1.0), "1", Optional.empty())), OptionalDouble.empty(), Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> new CsvFormat().writeOut(report, new StringBuilder()));
    }

    @Test
    void aDifferentAnswerIsFlagged() throws IOException {
        Report good = report();
        List<RunResult> runs = new ArrayList<>(good.runs());
        RunResult threads = runs.get(1);
        runs.set(1, new RunResult(threads.workload(), threads.strategy(), threads.params(), threads.warmupSeconds(),
                threads.seconds(), "148934", threads.sparkMetrics()));
        Report bad = new Report(good.machine(), runs, good.sparkStartupSeconds(), good.sparkUi());

        assertTrue(good.allAgree());
        assertFalse(bad.allAgree());
        assertFalse(bad.agrees(bad.runs().get(1)));
        assertTrue(bad.agrees(bad.runs().get(2)), "the others still agree with serial");
        String table = write(new TableFormat(), bad);
        List<String> flagged = table.lines().filter(line -> line.contains("MISMATCH")).toList();
        assertEquals(1, flagged.size(), table);
        assertTrue(flagged.get(0).contains("148,934  MISMATCH: serial says 148,933"), flagged.get(0));
    }

    @Test
    void theHarnessFlagsAStrategyWithAnotherAnswer() throws Exception {
        List<Trial> trials = List.of(
                new Trial("primes", "serial", false, Map::of, () -> "10"),
                new Trial("primes", "broken", false, Map::of, () -> "11"));
        Report report;
        // no trial uses Spark, so the context is never started
        try (SparkHandle spark = SparkHandle.create("t", Optional.of("local[1]"), TaskFaults.NONE)) {
            report = new Harness(0, 2, line -> { }).run(trials, spark);
            assertFalse(spark.isStarted());
        }
        assertEquals(List.of("serial", "broken"), report.runs().stream().map(RunResult::strategy).toList());
        assertEquals(2, report.runs().get(1).seconds().size());
        assertTrue(report.agrees(report.runs().get(0)));
        assertFalse(report.agrees(report.runs().get(1)));
        assertFalse(report.allAgree());
        assertTrue(report.sparkStartupSeconds().isEmpty());
        String table = write(new TableFormat(), report);
        assertTrue(table.contains("11  MISMATCH: serial says 10"), table);
    }

    private static ResultFormat format(String golden) {
        return switch (golden) {
            case "results.json" -> new JsonFormat();
            case "results.csv" -> new CsvFormat();
            case "table.txt" -> new TableFormat();
            default -> throw new IllegalArgumentException(golden);
        };
    }

    static String write(ResultFormat format, Report report) throws IOException {
        StringBuilder out = new StringBuilder();
        format.writeOut(report, out);
        return normalised(out.toString());
    }

    /** Line endings as on Linux, whatever System.lineSeparator() says. */
    private static String normalised(String text) {
        return text.replace("\r\n", "\n");
    }
}
