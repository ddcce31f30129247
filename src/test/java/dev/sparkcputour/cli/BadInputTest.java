package dev.sparkcputour.cli;

import static dev.sparkcputour.support.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.io.NpyFormat;
import dev.sparkcputour.support.BlackHolePort;
import dev.sparkcputour.support.Cli.Outcome;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every command and option fed what a user can get wrong: wrong types, out-of-range values,
 * conflicting options, missing, unreadable and malformed files, files that exist already,
 * unknown and unreachable masters. Each gets one line naming the option, exit 2 for bad input
 * and 1 for a failure found at run time, in bounded time, and nothing on stdout.
 */
class BadInputTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/tutorial_small");
    private static final String IMAGE = GOLDEN.resolve("image.npy").toString();       // 64×48
    private static final String FILTERS = GOLDEN.resolve("filters.npy").toString();   // 10×4×4

    /** The longest any case may take: an unreachable master included. */
    private static final long MAX_SECONDS = 20;

    @TempDir
    static Path fixtures;

    /** Accepts connections and never answers: a port that is open but is no Spark master. */
    private static ServerSocket silent;

    /** Answers no connection request at all. */
    private static BlackHolePort blackHole;

    @BeforeAll
    static void makeFixtures() throws IOException {
        Files.createDirectories(fixtures.resolve("a-folder"));
        Files.createDirectories(fixtures.resolve("full-folder"));
        Files.writeString(fixtures.resolve("full-folder/notes.txt"), "the user's own\n");
        Files.writeString(fixtures.resolve("exists.json"), "{\"the user's\": \"own\"}\n");
        Files.writeString(fixtures.resolve("x.png"), "this is text, not a picture\n", StandardCharsets.UTF_8);
        Files.writeString(fixtures.resolve("not-an-event-log"), "hello\n", StandardCharsets.UTF_8);
        byte[] noise = new byte[10_000];
        new Random(7).nextBytes(noise);
        Files.write(fixtures.resolve("app-1.zstd"), noise);
        Files.write(fixtures.resolve("app-2.lz4"), noise);
        Files.writeString(fixtures.resolve("app-3.inprogress"), "{\"Event\":\"SparkListenerJobStart\"}\n");
        Files.createFile(fixtures.resolve("empty-log"));
        Files.createDirectories(fixtures.resolve("eventlog_v2_app-4"));
        Files.createDirectories(fixtures.resolve("eventlog_v2_app-5"));
        Files.write(fixtures.resolve("eventlog_v2_app-5/events_1_app-5.zstd"), noise);
        Files.createFile(fixtures.resolve("eventlog_v2_app-5/appstatus_app-5"));
        Files.writeString(fixtures.resolve("out.png"), "the PNG --output OUT.npy would write beside it\n");

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
        Path complete = npy("truncated.npy", 16, 16, 1.0);
        Files.write(complete, Arrays.copyOf(Files.readAllBytes(complete), (int) Files.size(complete) - 100));

        npy("three-by-three.npy", 3, 3, 1.0);
        npy("nan.npy", 16, 16, Double.NaN);
        npy("infinite.npy", 16, 16, Double.POSITIVE_INFINITY);
        npy("huge.npy", 16, 16, 1e300);
        silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        blackHole = new BlackHolePort();
    }

    @AfterAll
    static void closePorts() throws IOException {
        silent.close();
        blackHole.close();
    }

    /** A h×w .npy of ones with {@code odd} at (1, 2). */
    private static Path npy(String name, int h, int w, double odd) throws IOException {
        INDArray array = Nd4j.ones(DataType.DOUBLE, h, w);
        array.putScalar(1, 2, odd);
        Path file = fixtures.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            NpyFormat.write(array, out);
        }
        return file;
    }

    private static String fixture(String name) {
        return fixtures.resolve(name).toString();
    }

    private static Arguments usage(String expected, String... args) {
        return Arguments.of(String.join(" ", args), args, ExitCodes.USAGE, expected);
    }

    private static Arguments failure(String expected, String... args) {
        return Arguments.of(String.join(" ", args), args, ExitCodes.FAILURE, expected);
    }

    /** {@code report --event-log FIXTURE}: exit 2, because {@code why}. */
    private static Arguments notAnEventLog(String fixture, String why) {
        return usage("'--event-log': '" + fixture(fixture) + "' is not a Spark event log (" + why,
                "report", "--event-log", fixture(fixture));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        // no command, unknown command
        cases.add(usage("Missing command"));
        cases.add(usage("Unmatched argument at index 0: 'cube'", "cube"));

        // primes: types, ranges, choices
        cases.add(usage("'--n': must be >= 0, got -1", "primes", "--n", "-1"));
        cases.add(usage("'--n'", "primes", "--n", "abc"));
        cases.add(usage("'--n'", "primes", "--n", "1e6"));
        cases.add(usage("'--n'", "primes", "--n", "99999999999999999999"));
        cases.add(usage("'--threads': must be in [1, 4,096], got 0", "primes", "--threads", "0"));
        cases.add(usage("'--threads': must be in [1, 4,096], got 100,000", "primes", "--threads", "100000"));
        cases.add(usage("'--partitions': must be in [1, 100,000], got 0", "primes", "--partitions", "0"));
        cases.add(usage("'--partitions': must be in [1, 100,000]", "primes", "--partitions", "-3"));
        cases.add(usage("'--partitions': must be in [1, 100,000]", "primes", "--partitions", "2000000000"));
        cases.add(usage("'--repeat': must be >= 1", "primes", "--repeat", "0"));
        cases.add(usage("'--warmup': must be >= 0", "primes", "--warmup", "-1"));
        cases.add(usage("'--warmup': 'many' is neither auto nor an int", "primes", "--warmup", "many"));
        cases.add(usage("'--warmup': 'AUTO' is neither auto nor an int", "primes", "--warmup", "AUTO"));
        cases.add(usage("'--warmup': '' is neither auto nor an int", "primes", "--warmup", ""));
        cases.add(usage("'--warmup': '99999999999999999999' is not an int", "primes", "--warmup", "99999999999999999999"));
        cases.add(usage("unknown strategy 'fastest' (expected one of serial, threads, spark, all)",
                "primes", "--strategy", "fastest"));
        cases.add(usage("Unknown option: '--frobnicate'", "primes", "--frobnicate"));
        cases.add(usage("'--kernel': unknown kernel 'wheel' (expected trial or sieve)", "primes", "--kernel", "wheel"));
        cases.add(usage("'--n': must be in [0, 1,000,000,000,000,000] for the sieve kernel, got 2,000,000,000,000,000",
                "primes", "--kernel", "sieve", "--n", "2000000000000000"));
        cases.add(usage("'--fail-tasks': must be in [0, 1], got 2.0", "primes", "--fail-tasks", "2"));
        cases.add(usage("'--fail-tasks'", "primes", "--fail-tasks", "NaN"));
        cases.add(usage("'--fail-seed'", "primes", "--fail-seed", "x"));
        // output files: unwritable, a folder, someone else's file
        cases.add(usage("'--json': cannot write '/etc/passwd/out.json'", "primes", "--json", "/etc/passwd/out.json"));
        cases.add(usage("'--json': '/tmp' is a directory", "primes", "--json", "/tmp"));
        cases.add(usage("'--json': '" + fixture("exists.json") + "' already exists; choose a new name",
                "primes", "--json", fixture("exists.json")));
        // masters: unparseable is bad input; unreachable is found at run time, quickly
        cases.add(usage("'--master': unparseable Spark master URL 'bogus://x'",
                "primes", "--strategy", "spark", "--master", "bogus://x"));
        cases.add(usage("unparseable Spark master URL 'local[0]'", "primes", "--strategy", "spark", "--master", "local[0]"));
        cases.add(usage("unparseable Spark master URL 'local[2,0]'", "primes", "--strategy", "spark", "--master", "local[2,0]"));
        cases.add(usage("unparseable Spark master URL", "primes", "--strategy", "spark", "--master", "spark://127.0.0.1"));
        cases.add(failure("cannot reach the Spark master spark://127.0.0.1:1 (Connection refused)",
                "primes", "--strategy", "spark", "--master", "spark://127.0.0.1:1"));
        cases.add(failure("cannot reach the Spark master spark://127.0.0.1:" + blackHole.port() + " (Connect timed out)",
                "primes", "--strategy", "spark", "--master", "spark://127.0.0.1:" + blackHole.port()));

        // image: sizes, counts, choices, conflicts
        cases.add(usage("'--size': must be in [4, 46,340], got 3", "image", "--size", "3"));
        cases.add(usage("'--size': must be in [4, 46,340], got 0", "image", "--size", "0"));
        cases.add(usage("'--size': 'abc' is not an int", "image", "--size", "abc"));
        cases.add(usage("'--size': must be in [4, 46,340], got 46,341", "image", "--size", "46341"));
        cases.add(usage("'--height': must be in [4, 46,340], got 2", "image", "--height", "2"));
        cases.add(usage("'--width': must be in [4, 46,340], got -7", "image", "--width", "-7"));
        cases.add(usage("'--filters': must be in [1, 100,000], got 0", "image", "--filters", "0"));
        cases.add(usage("'--iterations': must be in [1, 1,000,000], got 0", "image", "--iterations", "0"));
        cases.add(usage("'--stride': must be in [1, 46,340], got 0", "image", "--stride", "0"));
        cases.add(usage("'--seed'", "image", "--seed", "lucky"));
        cases.add(usage("'--threads': must be in [1, 4,096], got 0", "image", "--threads", "0"));
        cases.add(usage("'--strategy': unknown strategy 'fastest'", "image", "--strategy", "fastest"));
        cases.add(usage("'--kernel': unknown kernel 'fft' (expected vector, strided or nd4j)", "image", "--kernel", "fft"));
        cases.add(usage("'--kernel': threads-bands sums in another order than the nd4j kernel, so the answers could not be"
                + " checked against each other; choose another kernel or strategy",
                "image", "--strategy", "threads-bands", "--kernel", "nd4j"));
        cases.add(usage("'--kernel': spark-bands sums in another order than the nd4j kernel",
                "image", "--kernel", "nd4j", "--strategy", "spark-bands"));
        cases.add(usage("'--size': give --size or --height/--width, not both", "image", "--size", "100", "--height", "50"));
        cases.add(usage("'--image': a file brings its own size", "image", "--image", IMAGE, "--size", "100"));
        cases.add(usage("'--filters': a filters file brings its own count", "image", "--filters-file", FILTERS, "--filters", "3"));
        // image: input files missing, unreadable, of the wrong format, shape or values
        cases.add(usage("'--image': no such file '/no/such/file.png'", "image", "--image", "/no/such/file.png"));
        cases.add(usage("'--image': '" + fixture("a-folder") + "' is not a file", "image", "--image", fixture("a-folder")));
        cases.add(usage("'--filters-file': no such file 'nope.npy'", "image", "--filters-file", "nope.npy"));
        cases.add(usage("'--image': " + fixture("x.png") + ": not a readable PNG or JPEG image", "image", "--image", fixture("x.png")));
        cases.add(usage("'--image': " + fixture("truncated.png") + ": not a readable PNG or JPEG image",
                "image", "--image", fixture("truncated.png")));
        cases.add(usage("'--image': " + FILTERS + ": rank 3 (shape (10, 4, 4)), expected 2", "image", "--image", FILTERS));
        cases.add(usage("'--image': " + fixture("garbage.npy") + ": not a .npy file", "image", "--image", fixture("garbage.npy")));
        cases.add(usage("'--image': " + fixture("bad-header.npy") + ": header is not a valid dict",
                "image", "--image", fixture("bad-header.npy")));
        cases.add(usage("'--image': " + fixture("truncated.npy"), "image", "--image", fixture("truncated.npy")));
        cases.add(usage("'--filters-file': " + IMAGE + ": rank 2 (shape (64, 48)), expected 3", "image", "--filters-file", IMAGE));
        cases.add(usage("'--filters-file': filters of 4×4 are larger than the 3×3 image",
                "image", "--image", fixture("three-by-three.npy"), "--filters-file", FILTERS));
        cases.add(usage("'--image': " + fixture("nan.npy") + ": value NaN at flat index 18; values must be finite",
                "image", "--image", fixture("nan.npy")));
        cases.add(usage("'--image': " + fixture("infinite.npy") + ": value Infinity at flat index 18",
                "image", "--image", fixture("infinite.npy")));
        cases.add(usage("'--image': " + fixture("huge.npy") + ": value 1.0E300 at flat index 18; values must be finite and within ±1.0E100",
                "image", "--image", fixture("huge.npy")));
        // image: outputs
        cases.add(usage("'--output': '" + fixture("a-folder") + "' is a directory", "image", "--output", fixture("a-folder")));
        cases.add(usage("'--output': cannot write '/etc/passwd/x.npy'", "image", "--output", "/etc/passwd/x.npy"));
        cases.add(usage("'--output': '" + fixture("out.png") + "' already exists", "image", "--output", fixture("out.npy")));
        // memory: refused before the 12.8 GB image is drawn (the test JVM runs with -Xmx4g)
        cases.add(usage("'--size': a 40000×40000 image with spark-copy needs about",
                "image", "--size", "40000", "--strategy", "spark-copy"));
        cases.add(usage("'--size': a 46340×46340 image with serial needs about", "image", "--size", "46340", "--strategy", "serial"));

        // inference: sizes, rounds, workers, seed, the model folder, a test set larger than the data set
        cases.add(usage("'--images': must be in [1, 200,000], got 0", "inference", "--images", "0"));
        cases.add(usage("'--images': must be in [1, 200,000], got 200,001", "inference", "--images", "200001"));
        cases.add(usage("'--test-images': must be in [1, 200,000], got 0", "inference", "--test-images", "0"));
        cases.add(usage("'--test-images': 2,000 test images cannot come from a data set of 1,200",
                "inference", "--scale", "tiny", "--test-images", "2000"));
        cases.add(usage("'--images': 10,000 test images cannot come from a data set of 500", "inference", "--images", "500"));
        cases.add(usage("'--hidden': must be in [1, 8,192], got 0", "inference", "--hidden", "0"));
        cases.add(usage("'--hidden': 'wide' is not an int", "inference", "--hidden", "wide"));
        cases.add(usage("'--rounds': must be in [1, 10,000], got -1", "inference", "--rounds", "-1"));
        cases.add(usage("'--workers': must be in [1, 100,000], got 0", "inference", "--workers", "0"));
        cases.add(usage("'--model-seed'", "inference", "--model-seed", "lucky"));
        cases.add(usage("'--model-dir': '" + fixture("exists.json") + "' is not a folder",
                "inference", "--model-dir", fixture("exists.json")));
        cases.add(usage("'--model-dir': cannot write into '/proc/nope' (/proc is not a writable folder)",
                "inference", "--model-dir", "/proc/nope"));
        cases.add(usage("'--kernel': unknown kernel 'conv' (expected nd4j)", "inference", "--kernel", "conv"));
        cases.add(usage("'--strategy': unknown strategy 'actors'", "inference", "--strategy", "actors"));
        cases.add(usage("'--rounds': must be in [1, 10,000], got 0", "compare", "--workloads", "inference", "--rounds", "0"));
        // sizes that cannot fit this JVM's 4g heap, refused before the model folder is written: a model per running task
        cases.add(usage("'--images': 200,000 images (10,000 to test) through 784-512-10 with spark-per-task on 2 task slot(s)",
                "inference", "--strategy", "spark-per-task", "--images", "200000", "--workers", "2", "--master", "local[2]"));
        // and one batch's activations, 100,000 × 8,192 doubles off the heap
        cases.add(usage("'--hidden': 100,000 images (100,000 to test) through 784-8192-10 with serial",
                "inference", "--strategy", "serial", "--images", "100000", "--test-images", "100000", "--hidden", "8192"));

        // prefixes: counts and sizes, refused before any document is drawn
        cases.add(usage("'--shards': must be in [1, 4,096], got 0", "prefixes", "--shards", "0"));
        cases.add(usage("'--shards': 'two' is not an int", "prefixes", "--shards", "two"));
        cases.add(usage("'--docs-per-shard': must be in [1, 1,000,000], got 0", "prefixes", "--docs-per-shard", "0"));
        cases.add(usage("'--docs-per-shard'", "prefixes", "--docs-per-shard", "1e3"));
        cases.add(usage("'--words': must be in [1, 10,000,000], got 20,000,000", "prefixes", "--words", "20000000"));
        cases.add(usage("'--words'", "prefixes", "--words", "many"));
        cases.add(usage("'--words': 100 documents of 100,000 words per shard need up to",
                "prefixes", "--docs-per-shard", "100", "--words", "100000"));
        cases.add(usage("'--words': 1,000,000 documents of 10,000,000 words per shard need up to",
                "prefixes", "--docs-per-shard", "1000000", "--words", "10000000", "--strategy", "threads"));
        cases.add(usage("'--strategy': unknown strategy 'actors' (expected one of serial, threads, spark-in-task,"
                + " spark-roundtrip, all)", "prefixes", "--strategy", "actors"));
        cases.add(usage("'--kernel': the prefix workload has one kernel, its trie", "prefixes", "--kernel", "trial"));
        cases.add(usage("'--words': must be in [1, 10,000,000], got 0", "compare", "--workloads", "prefixes", "--words", "0"));

        // compare: its own options, and the workloads' passed through
        cases.add(usage("'--workloads': unknown workload 'video'", "compare", "--workloads", "primes,video"));
        cases.add(usage("'--strategies': unknown strategy 'turbo'", "compare", "--strategies", "serial,turbo"));
        cases.add(usage("'--strategies': none of [spark-copy] belongs", "compare", "--workloads", "primes", "--strategies", "spark-copy"));
        cases.add(usage("'--out': '/etc/passwd' is not a folder", "compare", "--out", "/etc/passwd"));
        // permission bits say /proc is writable for root; only creating a file there tells
        cases.add(usage("'--out': cannot write into '/proc/nope' (/proc is not a writable folder)", "compare", "--out", "/proc/nope"));
        cases.add(usage("'--json': cannot write '/proc/nope.json' (/proc is not a writable folder)",
                "compare", "--json", "/proc/nope.json"));
        cases.add(usage("'--json': cannot write '/proc/nope/out.json'", "primes", "--json", "/proc/nope/out.json"));
        cases.add(usage("'--output': cannot write '/proc/out.npy'", "image", "--output", "/proc/out.npy"));
        cases.add(usage("'--out': '" + fixture("full-folder") + "' is not empty; choose a new or empty folder",
                "compare", "--out", fixture("full-folder")));
        cases.add(usage("'--kernel': unknown kernel 'gpu' (expected trial, sieve, vector, strided or nd4j)",
                "compare", "--kernel", "sieve,gpu"));
        cases.add(usage("'--kernel': one image kernel at a time: vector, strided or nd4j", "compare", "--kernel", "vector,nd4j"));
        cases.add(usage("'--sweep-cores': must be in [1, 4,096], got 0", "compare", "--sweep-cores", "1,0"));
        cases.add(usage("'--sweep-cores'", "compare", "--sweep-cores", "two"));
        cases.add(usage("'--warmup': must be >= 0, got -1", "compare", "--warmup", "-1"));
        cases.add(usage("'--warmup': '1.5' is neither auto nor an int", "compare", "--warmup", "1.5"));
        cases.add(usage("'--warmup': 'auto,3' is neither auto nor an int", "compare", "--warmup", "auto,3"));
        cases.add(usage("'--repeat': must be >= 1, got 0", "compare", "--repeat", "0"));
        cases.add(usage("'--n': must be >= 0, got -5", "compare", "--n", "-5"));
        cases.add(usage("'--iterations': must be in [1, 1,000,000], got 0", "compare", "--iterations", "0"));

        // report and overhead
        cases.add(usage("Missing required option: '--event-log=PATH'", "report"));
        cases.add(usage("'--event-log': no such file or folder", "report", "--event-log", fixture("nope")));
        cases.add(usage("'--out': '" + fixture("full-folder") + "' is not empty",
                "report", "--event-log", fixture("a-folder"), "--out", fixture("full-folder")));
        cases.add(failure("no spark-cpu-tour runs recorded in " + fixture("a-folder"), "report", "--event-log", fixture("a-folder")));
        cases.add(usage("'--out': cannot write into '/proc/nope'", "report", "--event-log", fixture("a-folder"), "--out", "/proc/nope"));
        // event logs: Spark takes a file's extension for its codec; a log opens with SparkListenerLogStart
        cases.add(notAnEventLog("not-an-event-log", "it does not begin with Spark's SparkListenerLogStart event"));
        cases.add(notAnEventLog("whole.png", "Spark reads '.png' as its compression codec"));
        cases.add(notAnEventLog("app-1.zstd", "Spark reads '.zstd' as its compression codec"));
        cases.add(notAnEventLog("app-2.lz4", "Spark reads '.lz4' as its compression codec"));
        cases.add(notAnEventLog("app-3.inprogress", "it does not begin"));
        cases.add(notAnEventLog("empty-log", "it does not begin"));
        cases.add(notAnEventLog("eventlog_v2_app-4", "no event files in it"));
        cases.add(notAnEventLog("eventlog_v2_app-5", "Spark reads '.zstd'"));
        cases.add(usage("'--jobs': must be >= 1, got 0", "overhead", "--jobs", "0"));
        cases.add(usage("'--jobs'", "overhead", "--jobs", "few"));
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void isOneLineNamingTheProblemWithTheRightExitCode(String display, String[] args, int exit, String expected) {
        long start = System.nanoTime();
        Outcome outcome = run(args);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals(exit, outcome.exit(), outcome.err());
        assertEquals(1, outcome.err().lines().count(), "one line: " + outcome.err());
        assertTrue(outcome.err().startsWith(exit == ExitCodes.USAGE ? "spark-cpu-tour: " : "spark-cpu-tour: failed: ")
                || outcome.err().startsWith("spark-cpu-tour: no spark-cpu-tour runs"), outcome.err());
        assertTrue(outcome.err().contains(expected), "expected '" + expected + "' in: " + outcome.err());
        assertFalse(outcome.err().contains("\tat "), "no stack trace");
        assertFalse(outcome.err().contains("OutOfMemoryError"), outcome.err());
        if (exit == ExitCodes.USAGE) {
            assertFalse(outcome.err().contains("Exception"), "no exception's name: " + outcome.err());
        }
        assertEquals("", outcome.out(), "nothing on stdout");
        assertTrue(seconds < MAX_SECONDS, String.format(Locale.ROOT, "took %.1f s", seconds));
    }

    @Test
    void aMasterThatAcceptsButNeverAnswersIsNotAHang() {
        // Spark's driver retries registering 3 times 20 s, then gives up: bounded, if not short. No
        // Spark setting shortens it: StandaloneAppClient hard-codes both numbers (Spark 4.2.0).
        long start = System.nanoTime();
        Outcome outcome = run("primes", "--strategy", "spark", "--n", "1000",
                "--master", "spark://127.0.0.1:" + silent.getLocalPort());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(ExitCodes.FAILURE, outcome.exit(), outcome.err());
        assertEquals("spark-cpu-tour: failed: the master at spark://127.0.0.1:" + silent.getLocalPort()
                + " dropped the application before any executor started (see the log above)", outcome.err().strip());
        assertTrue(seconds < 90, String.format(Locale.ROOT, "took %.1f s", seconds));
    }
}
