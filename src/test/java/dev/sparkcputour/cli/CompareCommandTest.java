package dev.sparkcputour.cli;

import static dev.sparkcputour.support.Cli.run;

import dev.sparkcputour.support.Cli.Outcome;
import dev.sparkcputour.support.Csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkcputour.Main;
import dev.sparkcputour.results.Machine;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.results.SparkMetrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code compare} subcommand through picocli's execute(), as a user would call it; Spark runs for real. */
class CompareCommandTest {

    /** A table row: the workload padded to its column, then a strategy (verdict lines have "workload: "). */
    private static final Pattern ROW = Pattern.compile("^(primes|image) +[a-z-]+ +[0-9]");

    /** π(20000). */
    private static final String PRIMES_BELOW_20000 = "2262";



    @Test
    void writesJsonCsvAndChartsThatParseBack(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("run");
        // one warm-up: auto ones would wait out the JIT on Spark's code, several seconds a Spark strategy
        Outcome outcome = run("compare", "--n", "20000", "--size", "40", "--filters", "3", "--iterations", "2",
                "--master", "local[2]", "--warmup", "1", "--out", folder.toString());
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());

        List<String> rows = rows(outcome.out());
        assertEquals(13, rows.size(), outcome.out());
        assertEquals(6, rows.stream().filter(r -> r.startsWith("primes ")).count(), "trial and sieve:\n" + outcome.out());
        assertEquals(3, rows.stream().filter(r -> r.startsWith("primes ") && r.contains("-sieve ")).count(), outcome.out());
        assertEquals(7, rows.stream().filter(r -> r.startsWith("image ")).count(), outcome.out());
        assertEquals(1, outcome.out().lines().filter(l -> l.startsWith("primes: ")).count(), outcome.out());
        assertEquals(1, outcome.out().lines().filter(l -> l.startsWith("image: ")).count(), outcome.out());
        assertFalse(outcome.out().contains("MISMATCH"), outcome.out());
        assertTrue(outcome.out().contains("Spark context start-up"), outcome.out());

        JsonNode root = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
        JsonNode machine = root.get("machine");
        for (String field : List.of("cores", "java", "spark", "master", "cpu", "jvm", "nd4j_backend", "blas",
                "git_commit", "spark_app_id")) {
            assertTrue(machine.hasNonNull(field), "machine." + field + " in " + machine);
        }
        assertEquals("local[2]", machine.get("master").asText());
        assertFalse(machine.get("nd4j_backend").asText().equals("not loaded"), "the image workload loads ND4J");
        JsonNode runs = root.get("runs");
        assertEquals(13, runs.size());
        String imageAnswer = null;
        for (JsonNode run : runs) {
            String name = run.get("workload").asText() + " " + run.get("strategy").asText();
            assertEquals(3, run.get("seconds").size(), name + ": compare repeats three times by default");
            assertEquals(1, run.get("warmup_s").size(), name);
            assertEquals("{\"mode\":\"fixed\",\"runs\":1,\"settled\":null}", run.get("warmup").toString(), name);
            for (String stat : List.of("median_s", "min_s", "max_s", "stddev_s")) {
                assertTrue(run.get(stat).isNumber(), name + " " + stat);
            }
            double min = run.get("min_s").asDouble();
            double median = run.get("median_s").asDouble();
            double max = run.get("max_s").asDouble();
            assertTrue(min <= median && median <= max, name + ": " + min + " <= " + median + " <= " + max);
            if (run.get("strategy").asText().startsWith("spark")) {
                assertTrue(run.at("/spark_metrics/job_ids").size() > 0, name + " names its Spark jobs");
            } else {
                assertFalse(run.has("spark_metrics"), name);
            }
            String answer = run.get("answer").asText();
            if (run.get("workload").asText().equals("primes")) {
                assertEquals(PRIMES_BELOW_20000, answer, name);
            } else {
                imageAnswer = imageAnswer == null ? answer : imageAnswer;
                assertEquals(imageAnswer, answer, name);
            }
        }

        Csv.Table csv = Csv.read(Files.readString(folder.resolve("results.csv")));
        assertEquals(List.of("workload", "strategy", "phase", "repetition", "seconds", "answer", "settled"),
                csv.header().subList(0, 7));
        assertTrue(csv.header().containsAll(List.of("n", "threads", "partitions", "iterations")), csv.header().toString());
        assertEquals(13 * (1 + 3), csv.rows().size());
        for (Map<String, String> row : csv.rows()) {
            Double.parseDouble(row.get("seconds"));
            assertTrue(Set.of("warmup", "timed").contains(row.get("phase")), row.toString());
            assertEquals(row.get("workload").equals("primes"), !row.get("n").isEmpty(), "only the primes have n: " + row);
        }

        for (String chart : List.of("primes.png", "image.png")) {
            BufferedImage png = ImageIO.read(folder.resolve(chart).toFile());
            assertNotNull(png, chart + " decodes");
            assertEquals(800, png.getWidth(), chart);
            assertTrue(png.getHeight() > 200, chart + " has a row per strategy"); // TimeBarsTest reads the bars
        }
        assertEquals(Set.of("results.json", "results.csv", "primes.png", "image.png"), names(folder),
                "exactly the results, no .part leftovers");
    }

    @Test
    void narrowsWithWorkloadsAndStrategies(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("x");
        Outcome outcome = run("compare", "--workloads", "primes", "--kernel", "trial", "--strategies", "serial,threads",
                "--n", "1000",
                "--out", folder.toString());
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());
        List<String> rows = rows(outcome.out());
        assertEquals(2, rows.size(), outcome.out());
        assertTrue(rows.get(0).startsWith("primes   serial "), rows.get(0));
        assertTrue(rows.get(1).startsWith("primes   threads "), rows.get(1));
        assertFalse(outcome.out().contains("Spark context start-up"), "no Spark strategy, no Spark: " + outcome.out());
        assertFalse(outcome.err().contains("UI: "), outcome.err());
        assertEquals(Set.of("results.json", "results.csv", "primes.png"), names(folder));

        // compare's own warm-ups: until settled, said on stderr, kept in the JSON and the CSV
        JsonNode runs = new ObjectMapper().readTree(folder.resolve("results.json").toFile()).get("runs");
        Csv.Table csv = Csv.read(Files.readString(folder.resolve("results.csv")));
        for (JsonNode run : runs) {
            String name = run.get("strategy").asText();
            JsonNode warmup = run.get("warmup");
            assertEquals("auto", warmup.get("mode").asText(), name);
            assertEquals(run.get("warmup_s").size(), warmup.get("runs").asInt(), name);
            assertTrue(warmup.get("settled").isBoolean(), name);
            assertTrue(outcome.err().contains("  primes · " + name + (warmup.get("settled").asBoolean()
                    ? " settled after " : " did not settle after ") + warmup.get("runs").asInt() + " warm-up"), outcome.err());
            csv.rows().stream().filter(row -> row.get("strategy").equals(name))
                    .forEach(row -> assertEquals(warmup.get("settled").asText(), row.get("settled"), row.toString()));
        }
    }

    @Test
    void kernelSelectsThePrimeAndImageKernels(@TempDir Path dir) throws IOException {
        Outcome outcome = run("compare", "--kernel", "sieve,nd4j", "--strategies", "serial,spark", "--n", "100000",
                "--size", "40", "--filters", "2", "--iterations", "1", "--master", "local[2]", "--warmup", "0",
                "--repeat", "1", "--out", dir.resolve("k").toString());
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());
        List<String> rows = rows(outcome.out());
        assertEquals(List.of("primes serial-sieve", "primes spark-sieve", "image serial"),
                rows.stream().map(r -> r.split(" +")[0] + " " + r.split(" +")[1]).toList());
        assertTrue(rows.get(0).endsWith("9,592"), rows.get(0));
        JsonNode runs = new ObjectMapper().readTree(dir.resolve("k/results.json").toFile()).get("runs");
        assertEquals("sieve", runs.get(0).at("/params/kernel").asText());
        assertEquals("nd4j", runs.get(2).at("/params/kernel").asText());
    }

    @Test
    void theNd4jKernelLeavesTheBandStrategiesOutWithOneNote(@TempDir Path dir) throws IOException {
        Outcome outcome = run("compare", "--workloads", "image", "--kernel", "nd4j", "--strategies",
                "serial,threads,threads-bands", "--size", "40", "--filters", "2", "--iterations", "1", "--warmup", "0",
                "--repeat", "1", "--sweep-cores", "1", "--out", dir.resolve("n").toString());
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());
        assertEquals(List.of("image serial", "image threads"),
                rows(outcome.out()).stream().limit(2).map(r -> r.split(" +")[0] + " " + r.split(" +")[1]).toList());
        assertFalse(outcome.out().contains("bands"), "neither in the table nor in the sweep:\n" + outcome.out());
        assertEquals(1, outcome.err().lines().filter(l -> l.startsWith("note: ")).count(), "one note, sweep or not:\n" + outcome.err());
        assertTrue(outcome.err().contains("note: threads-bands left out: it sums in another order than the nd4j kernel"),
                outcome.err());
    }

    @Test
    void defaultsAreWarmUpsUntilSettledThenThreeRepeats() {
        Outcome outcome = run("compare", "--help");
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());
        // help may wrap a description over lines; compare it as one line
        String help = outcome.out().replaceAll("\\s+", " ");
        assertEquals("auto", helpDefault(help, "--warmup=W"), outcome.out());
        assertTrue(help.contains("or auto to run them until the times settle, at most 15 s a strategy;"), help);
        assertEquals("0", helpDefault(run("primes", "--help").out().replaceAll("\\s+", " "), "--warmup=W"),
                "a workload's own command takes one look");
        assertEquals("3", helpDefault(help, "--repeat=K"), outcome.out());
    }

    @Test
    void explicitWarmupAndRepeatWinOverTheMeasuredDefaults(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("x");
        Outcome outcome = run("compare", "--workloads", "primes", "--strategies", "serial", "--n", "1000",
                "--warmup", "0", "--repeat", "2", "--out", folder.toString());
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());
        JsonNode run = new ObjectMapper().readTree(folder.resolve("results.json").toFile()).at("/runs/0");
        assertEquals(2, run.get("seconds").size(), run.toString());
        assertEquals(0, run.get("warmup_s").size(), run.toString());
        assertEquals("168", run.get("answer").asText(), "π(1000)");
    }

    @Test
    void disagreeingStrategiesExitOneButTheFilesAreStillWritten(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandSpec spec = new CommandLine(new CompareCommand())
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).getCommandSpec();
        Path folder = dir.resolve("results");

        Report report = mismatchingReport();
        Results.printTable(report, spec);
        Results.writeFolder(Optional.of(folder), staging -> Results.writeReport(report, staging));
        int exit = Results.verdict(report, spec);
        spec.commandLine().getErr().flush();

        assertEquals(ExitCodes.FAILURE, exit);
        assertTrue(out.toString().contains("MISMATCH: serial says 9,592"), out.toString());
        assertTrue(err.toString().contains("strategies disagree"), err.toString());
        assertEquals(Set.of("results.json", "results.csv", "primes.png", "image.png"), names(folder),
                "a wrong answer is kept for inspection");
        JsonNode root = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
        assertEquals("9593", root.at("/runs/1/answer").asText());
    }

    /** Primes: threads disagrees with serial; image: all agree. */
    private static Report mismatchingReport() {
        Machine machine = new Machine(4, "17", "4.2.0", "local[4]", "org.apache.spark.serializer.JavaSerializer", "cpu",
                "jvm", "not loaded", "not loaded", "unknown", Optional.empty());
        Map<String, Object> n = Map.of("n", 100_000L);
        List<RunResult> runs = List.of(
                new RunResult("primes", "serial", n, List.of(), List.of(0.5), "9592", Optional.empty()),
                new RunResult("primes", "threads", n, List.of(), List.of(0.25), "9593", Optional.empty()),
                new RunResult("primes", "spark", n, List.of(), List.of(0.75), "9592",
                        Optional.of(new SparkMetrics(8, 0, 0.01, 0.2, 0, 0, 800, 4000, 0, List.of(0)))),
                new RunResult("image", "serial", Map.of(), List.of(), List.of(1.0), "1.5", Optional.empty()),
                new RunResult("image", "threads", Map.of(), List.of(), List.of(0.5), "1.5", Optional.empty()));
        return new Report(machine, runs, OptionalDouble.of(1.0), Optional.empty());
    }

    /** The value in "(default: V)" of the option whose help starts with {@code synopsis}. */
    private static String helpDefault(String help, String synopsis) {
        Matcher m = Pattern.compile(Pattern.quote(synopsis) + " [^()]*\\(default: ([^)]*)\\)").matcher(help);
        assertTrue(m.find(), synopsis + " with a default in: " + help);
        return m.group(1);
    }

    private static List<String> rows(String out) {
        return out.lines().filter(line -> ROW.matcher(line).find()).toList();
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void theSweepHasOneEntryPerCoreCountAndAChart(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("sweep");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(
                "compare", "--workloads", "primes", "--kernel", "trial", "--strategies", "serial,threads,spark",
                "--n", "5000", "--warmup", "0", "--repeat", "1", "--sweep-cores", "1,2,3", "--out", folder.toString());
        assertEquals(ExitCodes.OK, exit, err.toString());
        JsonNode sweep = new ObjectMapper().readTree(folder.resolve("sweep.json").toFile());
        List<String> entries = new ArrayList<>();
        sweep.get("runs").forEach(run -> entries.add(run.get("strategy").asText() + "@" + run.at("/params/cores").asInt()));
        assertEquals(List.of("threads@1", "spark@1", "threads@2", "spark@2", "threads@3", "spark@3"), entries,
                "serial does not scale with cores, so it is not swept");
        sweep.get("runs").forEach(run -> assertEquals("669", run.get("answer").asText()));
        boolean thirdCoreIsOversubscribed = Runtime.getRuntime().availableProcessors() < 3;
        assertEquals(thirdCoreIsOversubscribed, sweep.at("/runs/4/params/oversubscribed").asBoolean());
        Csv.Table csv = Csv.read(Files.readString(folder.resolve("sweep.csv")));
        assertTrue(csv.header().containsAll(List.of("cores", "oversubscribed")), csv.header().toString());
        assertEquals(List.of("1", "1", "2", "2", "3", "3"), csv.rows().stream().map(row -> row.get("cores")).toList());
        java.awt.image.BufferedImage chart = javax.imageio.ImageIO.read(folder.resolve("sweep-primes.png").toFile());
        assertEquals(800, chart.getWidth());
        assertTrue(out.toString().contains("Core sweep"), out.toString());
    }
}
