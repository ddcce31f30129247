package dev.sparkcputour.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.harness.Harness;
import dev.sparkcputour.kernel.Checksum;
import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.kernel.RandomArrays;
import dev.sparkcputour.kernel.ResultArrays;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.spark.SerializerConf;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.results.SparkMetrics;
import dev.sparkcputour.support.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The image strategies on spark-testing-base's shared local context, with the default serializer
 * (Java's; Kryo in {@link ImageStrategiesKryoTest}): one answer, the same arrays, and the copies each makes.
 */
@ExtendWith(SharedSpark.class)
class ImageStrategiesTest {

    private static final int FILTERS = 4;
    private static final int ITERATIONS = 3;

    private static ImageInputs inputs() {
        return new ImageInputs(RandomArrays.uniform(45, 31, 7),
                ImageInputs.split(RandomArrays.gaussian(FILTERS, 4, 4, 7)), "random, seed 7", "N(0,1), seed 7");
    }

    @Test
    void theContextShipsWithTheSerializerAskedFor(JavaSparkContext sc) {
        assertEquals(SharedSpark.serializerOf(getClass()), SerializerConf.of(sc.getConf()));
    }

    @Test
    void everyStrategyGivesTheSerialAnswerAndArrays(JavaSparkContext sc) throws Exception {
        ImageInputs inputs = inputs();
        for (Convolution kernel : Convolution.values()) {
            ImageParams params = new ImageParams(ITERATIONS, 5, kernel, 3);
            List<ImageStrategy> strategies = ImageStrategies.ALL.stream().filter(s -> s.supports(kernel)).toList();
            List<String> expected = kernel == Convolution.ND4J
                    ? List.of("serial", "threads", "spark-copy", "spark-closure", "spark-broadcast")
                    : List.of("serial", "threads", "spark-copy", "spark-closure", "spark-broadcast", "threads-bands", "spark-bands");
            assertSameAnswersAndArrays(sc, strategies, expected, inputs, params);
        }
    }

    /** Heights and widths that cut awkwardly: bands of one row, short last bands, more bands asked for than rows. */
    @ParameterizedTest(name = "{0}×{1} image, filters {2}×{3}, stride {4}, {5} threads")
    @CsvSource({
        "45, 31, 4, 4, 5, 3",   // 10 output rows, 12 bands asked for: one row each
        "7, 31, 4, 4, 5, 1",    // 2 output rows, 4 bands asked for
        "45, 31, 4, 4, 1, 2",   // 48 rows in 8 bands of 6
        "45, 31, 1, 1, 1, 3",   // 45 rows in 12 bands of 3 and 4
        "46, 29, 3, 5, 5, 2",   // 10 rows in 8 bands of 1 and 2
        "23, 40, 1, 1, 5, 5"})  // 5 rows in 5 bands
    void theBandStrategiesAgreeWithSerialOnAwkwardShapes(int h, int w, int kh, int kw, int stride, int threads,
                                                          JavaSparkContext sc) throws Exception {
        ImageInputs inputs = new ImageInputs(RandomArrays.uniform(h, w, h + w),
                ImageInputs.split(RandomArrays.gaussian(FILTERS, kh, kw, h + w)), "random", "N(0,1)");
        ImageParams params = new ImageParams(2, stride, Convolution.STRIDED, threads);
        List<ImageStrategy> strategies = List.of(new SerialImage(), new ThreadPoolBandsImage(), new SparkBandsImage());
        assertSameAnswersAndArrays(sc, strategies, List.of("serial", "threads-bands", "spark-bands"), inputs, params);
    }

    /** Runs {@code strategies} through the harness: the answers agree, and every array equals serial's bit for bit. */
    private static void assertSameAnswersAndArrays(JavaSparkContext sc, List<ImageStrategy> strategies, List<String> names,
                                                   ImageInputs inputs, ImageParams params) throws Exception {
        List<List<INDArray>> results = new ArrayList<>();
        try (SparkHandle spark = SparkHandle.wrap(sc)) {
            Report report = new Harness(0, 1, line -> { }).run(
                    ImageStrategies.trials(strategies, inputs, params, spark, results::add), spark);
            assertEquals(names, report.runs().stream().map(RunResult::strategy).toList());
            assertTrue(report.allAgree(), params.kernel() + ": " + report.runs());
            String serial = report.runs().get(0).answer();
            assertEquals(Checksum.format(Double.parseDouble(serial)), serial, "17 significant digits");
            for (int s = 0; s < results.size(); s++) {
                assertEquals(FILTERS, results.get(s).size());
                for (int f = 0; f < FILTERS; f++) {
                    INDArray want = results.get(0).get(f);
                    INDArray got = results.get(s).get(f);
                    assertArrayEquals(want.shape(), got.shape());
                    assertArrayEquals(want.dup('c').data().asDouble(), got.dup('c').data().asDouble(),
                            names.get(s) + " gives serial's bits, filter " + f);
                }
            }
        }
    }

    /** A run's last results go back to ResultArrays unless kept for --output, so the next run's first iteration faults in no fresh memory. */
    @Test
    void aRunsLastResultsAreHandedBackUnlessKept(JavaSparkContext sc) throws Exception {
        // an output shape no other test makes (18×15), so ResultArrays' queue for it holds only this test's arrays
        ImageInputs inputs = new ImageInputs(RandomArrays.uniform(50, 41, 3),
                ImageInputs.split(RandomArrays.gaussian(FILTERS, 4, 4, 3)), "random", "N(0,1)");
        ImageParams params = new ImageParams(2, 3, Convolution.STRIDED, 1);
        List<List<INDArray>> kept = new ArrayList<>();
        List<List<INDArray>> declined = new ArrayList<>();
        try (SparkHandle spark = SparkHandle.wrap(sc)) {
            new Harness(0, 1, line -> { }).run(ImageStrategies.trials(List.of(new SerialImage()), inputs, params, spark,
                    kept::add), spark);
            new Harness(0, 1, line -> { }).run(ImageStrategies.trials(List.of(new SerialImage()), inputs, params, spark,
                    results -> !declined.add(results)), spark);
        }
        assertEquals(1, kept.size());
        assertEquals(1, declined.size());
        assertEquals(List.of(18L, 15L), List.of(declined.get(0).get(0).size(0), declined.get(0).get(0).size(1)));
        for (int f = 0; f < FILTERS; f++) {
            INDArray next = ResultArrays.uninitialized(18, 15);
            assertTrue(declined.get(0).stream().anyMatch(r -> r == next), "the declined run's arrays are handed out again");
            assertTrue(kept.get(0).stream().noneMatch(r -> r == next), "kept results are never handed out");
        }
    }

    @Test
    void theThreadStrategiesRecordTheirPoolsThreads() {
        ImageParams params = new ImageParams(ITERATIONS, 5, Convolution.STRIDED, 3);
        for (ImageStrategy s : ImageStrategies.ALL) {
            Map<String, Object> settings = s.describe(inputs(), params);
            assertEquals(s.poolThreads(params) > 0 ? 3 : null, settings.get("threads"), s.name());
        }
        assertEquals(3, new ThreadPoolBandsImage().poolThreads(params));
        assertEquals("bands", new ThreadPoolBandsImage().describe(inputs(), params).get("kernel"));
    }

    @Test
    void bandsCoverEveryRowOnceInNearlyEqualParts() {
        for (int rows : new int[] {1, 2, 7, 10, 601}) {
            for (int cores : new int[] {1, 2, 3, 16}) {
                List<Bands.Rows> bands = Bands.cut(rows, cores);
                assertEquals(Math.min(rows, Defaults.BANDS_PER_CORE * cores), bands.size(), rows + " rows, " + cores + " cores");
                int next = 0;
                for (Bands.Rows band : bands) {
                    assertEquals(next, band.from());
                    assertTrue(band.count() >= rows / bands.size() && band.count() <= rows / bands.size() + 1, band.toString());
                    next = band.to();
                }
                assertEquals(rows, next);
            }
        }
    }

    @Test
    void theMetricsShowHowOftenEachStrategyCopiedTheImage(JavaSparkContext sc) throws Exception {
        ImageParams params = new ImageParams(ITERATIONS, 5, Convolution.STRIDED, 2);
        try (SparkHandle spark = SparkHandle.wrap(sc)) {
            Report report = new Harness(0, 1, line -> { }).run(
                    ImageStrategies.trials(ImageStrategies.ALL, inputs(), params, spark, r -> false), spark);
            Map<String, SparkMetrics> metrics = new java.util.HashMap<>();
            report.runs().forEach(run -> run.sparkMetrics().ifPresent(m -> metrics.put(run.strategy(), m)));
            assertEquals(4, metrics.size(), "serial and the thread strategies have no Spark metrics");
            long tasks = (long) FILTERS * ITERATIONS;
            long imageBytes = 45 * 31 * Double.BYTES;
            long resultBytes = ITERATIONS * FILTERS * 10 * 7 * Double.BYTES;
            for (SparkMetrics m : metrics.values()) {
                assertTrue(m.resultBytes() > resultBytes, "results come back: " + m);
            }
            metrics.forEach((name, m) -> assertEquals(name.equals("spark-bands")
                    ? (long) ITERATIONS * Bands.cut(10, sc.defaultParallelism()).size() : tasks, m.tasks(), name));
            assertEquals(tasks, metrics.get("spark-copy").imageCopies(), "a copy in every task's data");
            assertEquals(tasks, metrics.get("spark-closure").imageCopies(), "every task deserialises the closure");
            assertEquals(0, metrics.get("spark-broadcast").imageCopies(), "local mode reads the driver's own copy");
            assertTrue(metrics.get("spark-broadcast").broadcastBytes() >= ITERATIONS * imageBytes,
                    "one image broadcast per iteration: " + metrics.get("spark-broadcast"));
            assertTrue(metrics.get("spark-closure").broadcastBytes() >= ITERATIONS * imageBytes,
                    "the closure travels as the task binary's broadcast: " + metrics.get("spark-closure"));
            assertTrue(metrics.get("spark-copy").broadcastBytes() < imageBytes,
                    "the image is in the tasks, not in a broadcast: " + metrics.get("spark-copy"));
            assertEquals(0, metrics.get("spark-bands").imageCopies(), "bands of the image, never the image");
            assertTrue(metrics.get("spark-bands").broadcastBytes() < imageBytes,
                    "the bands are in the tasks, not in a broadcast: " + metrics.get("spark-bands"));
        }
    }

    @Test
    void eachIterationIsOneLabelledJob(JavaSparkContext sc) {
        ImageInputs inputs = inputs();
        ImageParams params = new ImageParams(2, 5, Convolution.STRIDED, 2);
        try (SparkHandle spark = SparkHandle.wrap(sc)) {
            // the context is shared with the other tests: look at the jobs this run adds
            List<Integer> before = ids(sc.statusTracker().getJobIdsForGroup("image-spark-broadcast"));
            ImageIterations.run(new SparkBroadcastImage(), inputs, params, spark);
            List<Integer> jobs = ids(sc.statusTracker().getJobIdsForGroup("image-spark-broadcast"));
            jobs.removeAll(before);
            assertEquals(2, jobs.size());
            List<String> descriptions = new ArrayList<>();
            for (int job : jobs) {
                descriptions.add(sc.sc().statusStore().job(job).description().get());
            }
            descriptions.sort(null);
            assertEquals(List.of("image · spark-broadcast · 45×31 · iteration 1/2",
                    "image · spark-broadcast · 45×31 · iteration 2/2"), descriptions);
        }
    }

    private static List<Integer> ids(int[] jobs) {
        List<Integer> out = new ArrayList<>();
        for (int job : jobs) {
            out.add(job);
        }
        return out;
    }
}
