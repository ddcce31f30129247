package dev.sparkcputour.cli;

import static dev.sparkcputour.support.Cli.run;

import dev.sparkcputour.support.Cli.Outcome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkcputour.io.NpyFormat;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The {@code image} subcommand through picocli's execute(), as a user would call it; Spark runs for real where asked. */
class ImageCommandTest {

    /** The NumPy/SciPy reference at the tutorial's shapes, scaled down (see golden/make_golden.py). */
    private static final Path GOLDEN = Path.of("src/test/resources/golden/tutorial_small");
    private static final Path GOLDEN_IMAGE = GOLDEN.resolve("image.npy");       // 64×48
    private static final Path GOLDEN_FILTERS = GOLDEN.resolve("filters.npy");   // 10×4×4
    private static final Path GOLDEN_EXPECTED = GOLDEN.resolve("expected.npy"); // 10×14×11

    /** Relative tolerance against SciPy: |actual − expected| <= 1e-12 · max(1, |expected|). */
    private static final double TOLERANCE = 1e-12;

    /** What Checksum.format's %.17g makes of a double: 17 significant digits, maybe an exponent. */
    private static final Pattern SEVENTEEN_DIGITS = Pattern.compile("-?[0-9]+\\.[0-9]+(e[+-][0-9]+)?");

    /** Input files for the bad-input cases, made once before the method source is read. */
    @Test
    void outputMatchesScipy(@TempDir Path dir) throws Exception {
        assertMatchesScipy(dir, "serial", "vector");
    }

    @Test
    void theStridedKernelGivesTheSameArray(@TempDir Path dir) throws Exception {
        assertMatchesScipy(dir, "serial", "strided");
    }

    @Test
    void theNd4jKernelGivesTheSameArray(@TempDir Path dir) throws Exception {
        assertMatchesScipy(dir, "serial", "nd4j");
    }

    @Test
    void theBandKernelGivesTheSameArray(@TempDir Path dir) throws Exception {
        assertMatchesScipy(dir, "threads-bands", "strided");
    }

    /** Runs the golden inputs through {@code strategy} and {@code kernel} and compares the written arrays with SciPy's. */
    private static void assertMatchesScipy(Path dir, String strategy, String kernel) throws Exception {
        Path out = dir.resolve("out.npy");
        Outcome outcome = run("image", "--image", GOLDEN_IMAGE.toString(), "--filters-file", GOLDEN_FILTERS.toString(),
                "--iterations", "2", "--strategy", strategy, "--kernel", kernel, "--output", out.toString());
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());
        assertFalse(outcome.out().contains("Spark context"), "no Spark for a serial run");

        INDArray actual = NpyFormat.read(out, 3);
        INDArray expected = NpyFormat.read(GOLDEN_EXPECTED, 3);
        assertArrayEquals(new long[] {10, 14, 11}, actual.shape());
        assertArrayEquals(expected.shape(), actual.shape());
        double[] a = actual.data().asDouble();
        double[] b = expected.data().asDouble();
        for (int i = 0; i < b.length; i++) {
            double allowed = TOLERANCE * Math.max(1, Math.abs(b[i]));
            int at = i;
            assertTrue(Math.abs(a[i] - b[i]) <= allowed,
                    () -> "element " + at + ": " + a[at] + " vs SciPy's " + b[at]);
        }

        Path png = dir.resolve("out.png");
        assertTrue(Files.isRegularFile(png), "a PNG next to the .npy");
        BufferedImage picture = ImageIO.read(png.toFile());
        assertNotNull(picture, "a readable PNG");
        assertEquals(11, picture.getWidth());
        assertEquals(14, picture.getHeight());

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of("out.npy", "out.png"),
                    files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()),
                    "no temporary or partial file left behind");
        }
    }

    @Test
    void everyStrategyAgreesOnARealSparkContext(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Outcome outcome = run("image", "--size", "40", "--filters", "3", "--iterations", "2", "--strategy", "all",
                "--master", "local[2]", "--threads", "1", "--json", json.toString());
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());

        List<String> rows = outcome.out().lines().filter(line -> line.startsWith("image ")).toList();
        assertEquals(7, rows.size(), outcome.out());
        String printed = lastWord(rows.get(0));
        assertSeventeenDigits(printed);
        for (String row : rows) {
            assertEquals(printed, lastWord(row), "the same answer on every row:\n" + outcome.out());
        }

        JsonNode runs = new ObjectMapper().readTree(json.toFile()).get("runs");
        assertEquals(7, runs.size());
        List<String> strategies = List.of("serial", "threads", "spark-copy", "spark-closure", "spark-broadcast",
                "threads-bands", "spark-bands");
        for (int i = 0; i < strategies.size(); i++) {
            JsonNode run = runs.get(i);
            String strategy = strategies.get(i);
            assertEquals("image", run.get("workload").asText());
            assertEquals(strategy, run.get("strategy").asText());
            assertEquals(printed, run.get("answer").asText(), strategy);
            assertEquals(40, run.at("/params/height").asInt());
            assertEquals(3, run.at("/params/filters").asInt());
            JsonNode metrics = run.get("spark_metrics");
            if (strategy.startsWith("spark-")) {
                assertNotNull(metrics, strategy + " has spark_metrics");
                // 9 output rows in 8 bands (4 per core of local[2]), or 3 filters, twice
                assertEquals(strategy.equals("spark-bands") ? 16 : 6, metrics.get("tasks").asLong(), strategy + " tasks");
                long copies = strategy.equals("spark-broadcast") || strategy.equals("spark-bands") ? 0 : 6;
                assertEquals(copies, metrics.get("image_copies").asLong(), strategy + " image copies");
            } else {
                assertTrue(metrics == null, strategy + " has no spark_metrics");
            }
        }
        assertEquals(1, runs.get(1).at("/params/threads").asInt(), "the threads run names its threads");
        assertEquals(1, runs.get(5).at("/params/threads").asInt(), "so does threads-bands");
        assertEquals(4, runs.get(5).at("/params/bands_per_core").asInt());
        assertEquals("vector", runs.get(0).at("/params/kernel").asText());
        assertEquals("bands", runs.get(5).at("/params/kernel").asText(), "the kernel that really ran");
        assertEquals("bands", runs.get(6).at("/params/kernel").asText());
    }

    @Test
    void withTheNd4jKernelAllLeavesTheBandStrategiesOutWithOneNote() {
        Outcome outcome = run("image", "--size", "20", "--filters", "2", "--iterations", "1", "--strategy", "all",
                "--kernel", "nd4j", "--master", "local[2]");
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());
        assertEquals(List.of("serial", "threads", "spark-copy", "spark-closure", "spark-broadcast"),
                outcome.out().lines().filter(line -> line.startsWith("image ")).map(line -> line.split(" +")[1]).toList());
        assertEquals(List.of("note: threads-bands and spark-bands left out: they sum in another order than the nd4j kernel,"
                + " so the answers could not be checked against each other"),
                outcome.err().lines().filter(line -> line.startsWith("note: ")).toList());
    }

    @Test
    void zerosGiveZero() {
        Outcome outcome = run("image", "--image", "zeros", "--size", "20", "--filters", "2", "--iterations", "1",
                "--strategy", "threads");
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());
        List<String> rows = outcome.out().lines().filter(line -> line.startsWith("image ")).toList();
        assertEquals(1, rows.size(), outcome.out());
        assertEquals("0.0000000000000000", lastWord(rows.get(0)), outcome.out());
    }

    private static String lastWord(String line) {
        String[] words = line.strip().split(" +");
        return words[words.length - 1];
    }

    /** {@code answer} is what %.17g prints: 17 significant digits that parse back to the same double. */
    private static void assertSeventeenDigits(String answer) {
        assertTrue(SEVENTEEN_DIGITS.matcher(answer).matches(), answer);
        String mantissa = answer.replaceFirst("^-", "").replaceFirst("e.*$", "").replace(".", "")
                .replaceFirst("^0+", "");
        assertEquals(17, mantissa.length(), "17 significant digits in " + answer);
        double value = Double.parseDouble(answer);
        assertTrue(Double.isFinite(value), answer);
        assertEquals(answer, String.format(Locale.ROOT, "%.17g", value), "round-trips through %.17g");
    }
}
