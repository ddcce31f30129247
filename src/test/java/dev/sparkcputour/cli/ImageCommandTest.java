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
import dev.sparkcputour.kernel.NpyFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
    @TempDir
    static Path fixtures;



    @BeforeAll
    static void makeFixtures() throws IOException {
        Files.createDirectories(fixtures.resolve("a-folder"));
        Files.writeString(fixtures.resolve("x.png"), "this is text, not a picture\n", StandardCharsets.UTF_8);

        // a valid PNG cut after 40 bytes: the signature, IHDR and a few bytes of the next chunk
        BufferedImage picture = new BufferedImage(48, 64, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(5);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 48; x++) {
                picture.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        Path whole = fixtures.resolve("whole.png");
        assertTrue(ImageIO.write(picture, "png", whole.toFile()));
        Files.write(fixtures.resolve("truncated.png"), Arrays.copyOf(Files.readAllBytes(whole), 40));

        Files.write(fixtures.resolve("garbage.npy"), "PK\u0003\u0004 definitely not numpy".getBytes(StandardCharsets.ISO_8859_1));
        // the right magic and version, then a header that is no Python dict
        byte[] header = "{'descr': '<f8', 'fortran_order': Maybe, 'shape': (3, 3), }         \n"
                .getBytes(StandardCharsets.ISO_8859_1);
        try (OutputStream out = Files.newOutputStream(fixtures.resolve("bad-header.npy"))) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length, 0});
            out.write(header);
            out.write(new byte[9 * Double.BYTES]);
        }

        INDArray small = Nd4j.create(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new long[] {3, 3}, DataType.DOUBLE);
        try (OutputStream out = Files.newOutputStream(fixtures.resolve("three-by-three.npy"))) {
            NpyFormat.write(small, out);
        }
    }

    private static String fixture(String name) {
        return fixtures.resolve(name).toString();
    }

    private static Arguments badInput(String expected, String... args) {
        String[] full = Stream.concat(Stream.of("image"), Arrays.stream(args)).toArray(String[]::new);
        return Arguments.of(String.join(" ", full), full, expected);
    }

    static Stream<Arguments> badInputs() {
        String image = GOLDEN_IMAGE.toString();
        String filters = GOLDEN_FILTERS.toString();
        return Stream.of(
            badInput("'--size': must be in [4, 46,340], got 3", "--size", "3"),
            badInput("'--size': must be in [4, 46,340], got 0", "--size", "0"),
            badInput("'--size': 'abc' is not an int", "--size", "abc"),
            badInput("'--size': must be in [4, 46,340], got 46,341", "--size", "46341"),
            badInput("'--height': must be in [4, 46,340], got 2", "--height", "2"),
            badInput("'--filters': must be in [1, 100,000], got 0", "--filters", "0"),
            badInput("'--iterations': must be in [1, 1,000,000], got 0", "--iterations", "0"),
            badInput("'--stride': must be in [1, 46,340], got 0", "--stride", "0"),
            badInput("'--threads': must be in [1, 4,096], got 0", "--threads", "0"),
            badInput("'--strategy': unknown strategy 'fastest'", "--strategy", "fastest"),
            badInput("'--kernel': unknown kernel 'fft' (expected strided or nd4j)", "--kernel", "fft"),
            badInput("'--size': give --size or --height/--width, not both", "--size", "100", "--height", "50"),
            badInput("'--image': a file brings its own size", "--image", image, "--size", "100"),
            badInput("'--filters': a filters file brings its own count", "--filters-file", filters, "--filters", "3"),
            badInput("'--image': no such file '/no/such/file.png'", "--image", "/no/such/file.png"),
            badInput("'--image': '" + fixture("a-folder") + "' is not a file", "--image", fixture("a-folder")),
            badInput("'--filters-file': no such file 'nope.npy'", "--filters-file", "nope.npy"),
            badInput("'--image': " + fixture("x.png") + ": not a readable PNG or JPEG image", "--image", fixture("x.png")),
            badInput("'--image': " + fixture("truncated.png") + ": not a readable PNG or JPEG image",
                    "--image", fixture("truncated.png")),
            badInput("'--image': " + filters + ": rank 3 (shape (10, 4, 4)), expected 2", "--image", filters),
            badInput("'--image': " + fixture("garbage.npy") + ": not a .npy file", "--image", fixture("garbage.npy")),
            badInput("'--image': " + fixture("bad-header.npy") + ": header is not a valid dict", "--image", fixture("bad-header.npy")),
            badInput("'--filters-file': " + image + ": rank 2 (shape (64, 48)), expected 3", "--filters-file", image),
            badInput("'--filters-file': filters of 4×4 are larger than the 3×3 image",
                    "--image", fixture("three-by-three.npy"), "--filters-file", filters),
            badInput("'--output': '" + fixture("a-folder") + "' is a directory", "--output", fixture("a-folder")),
            badInput("'--output': cannot write '/etc/passwd/x.npy'", "--output", "/etc/passwd/x.npy"),
            // 40000² doubles are 12.8 GB; the test JVM runs with -Xmx4g (surefire's argLine).
            // the memory guard runs before the 12.8 GB image is drawn
            badInput("'--size': a 40000×40000 image with spark-copy needs about", "--size", "40000",
                    "--strategy", "spark-copy"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badInputs")
    void badInputIsOneLineAndExitCodeTwo(String display, String[] args, String expected) {
        Outcome outcome = run(args);
        assertEquals(ExitCodes.USAGE, outcome.exit(), outcome.err());
        assertEquals(1, outcome.err().lines().count(), "one line: " + outcome.err());
        assertTrue(outcome.err().contains(expected), outcome.err());
        assertFalse(outcome.err().contains("\tat "), "no stack trace");
        assertFalse(outcome.err().contains("Exception"), "no exception's name: " + outcome.err());
        assertEquals("", outcome.out(), "nothing on stdout");
        if (display.contains("40000")) {
            String err = outcome.err().toLowerCase(Locale.ROOT);
            assertTrue(err.contains("heap") || err.contains("off-heap"), outcome.err());
        }
    }

    @Test
    void outputMatchesScipy(@TempDir Path dir) throws Exception {
        assertMatchesScipy(dir, "strided");
    }

    @Test
    void theNd4jKernelGivesTheSameArray(@TempDir Path dir) throws Exception {
        assertMatchesScipy(dir, "nd4j");
    }

    /** Runs the golden inputs through {@code kernel} and compares the written arrays with SciPy's. */
    private static void assertMatchesScipy(Path dir, String kernel) throws Exception {
        Path out = dir.resolve("out.npy");
        Outcome outcome = run("image", "--image", GOLDEN_IMAGE.toString(), "--filters-file", GOLDEN_FILTERS.toString(),
                "--iterations", "2", "--strategy", "serial", "--kernel", kernel, "--output", out.toString());
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
                "--master", "local[2]", "--json", json.toString());
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());

        List<String> rows = outcome.out().lines().filter(line -> line.startsWith("image ")).toList();
        assertEquals(5, rows.size(), outcome.out());
        String printed = lastWord(rows.get(0));
        assertSeventeenDigits(printed);
        for (String row : rows) {
            assertEquals(printed, lastWord(row), "the same answer on every row:\n" + outcome.out());
        }

        JsonNode runs = new ObjectMapper().readTree(json.toFile()).get("runs");
        assertEquals(5, runs.size());
        List<String> strategies = List.of("serial", "threads", "spark-copy", "spark-closure", "spark-broadcast");
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
                assertEquals(6, metrics.get("tasks").asLong(), strategy + ": 3 filters × 2 iterations");
                long copies = strategy.equals("spark-broadcast") ? 0 : 6;
                assertEquals(copies, metrics.get("image_copies").asLong(), strategy + " image copies");
            } else {
                assertTrue(metrics == null, strategy + " has no spark_metrics");
            }
        }
        assertTrue(runs.get(1).at("/params/threads").isNumber(), "the threads run names its threads");
        assertTrue(runs.get(1).at("/params/threads").asInt() >= 1);
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
