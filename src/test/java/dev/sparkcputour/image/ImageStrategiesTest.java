package dev.sparkcputour.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.config.ImageParams;
import dev.sparkcputour.harness.Harness;
import dev.sparkcputour.harness.Strategies;
import dev.sparkcputour.kernel.Checksum;
import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.kernel.RandomArrays;
import dev.sparkcputour.report.Report;
import dev.sparkcputour.report.RunResult;
import dev.sparkcputour.spark.SerializerConf;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.spark.SparkMetrics;
import dev.sparkcputour.support.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The image strategies on spark-testing-base's shared local context, with the default serializer
 * (Kryo; Java's in {@link ImageStrategiesJavaTest}): one answer, and the copies each makes.
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
            List<List<INDArray>> results = new ArrayList<>();
            try (SparkHandle spark = SparkHandle.wrap(sc)) {
                Report report = new Harness(0, 1, line -> { }).run(
                        Strategies.imageTrials(Strategies.image(Strategies.ALL), inputs, params, spark, results::add),
                        spark);
                assertEquals(List.of("serial", "threads", "spark-copy", "spark-closure", "spark-broadcast"),
                        report.runs().stream().map(RunResult::strategy).toList());
                assertTrue(report.allAgree(), kernel + ": " + report.runs());
                String serial = report.runs().get(0).answer();
                assertEquals(Checksum.format(Double.parseDouble(serial)), serial, "17 significant digits");
                for (List<INDArray> strategyResults : results) {
                    assertEquals(FILTERS, strategyResults.size());
                    for (int f = 0; f < FILTERS; f++) {
                        assertEquals(results.get(0).get(f), strategyResults.get(f), "same arrays, filter " + f);
                    }
                }
            }
        }
    }

    @Test
    void theMetricsShowHowOftenEachStrategyCopiedTheImage(JavaSparkContext sc) throws Exception {
        ImageParams params = new ImageParams(ITERATIONS, 5, Convolution.STRIDED, 2);
        try (SparkHandle spark = SparkHandle.wrap(sc)) {
            Report report = new Harness(0, 1, line -> { }).run(
                    Strategies.imageTrials(Strategies.image(Strategies.ALL), inputs(), params, spark, r -> { }), spark);
            Map<String, SparkMetrics> metrics = new java.util.HashMap<>();
            report.runs().forEach(run -> run.sparkMetrics().ifPresent(m -> metrics.put(run.strategy(), m)));
            assertEquals(3, metrics.size(), "serial and threads have no Spark metrics");
            long tasks = (long) FILTERS * ITERATIONS;
            long imageBytes = 45 * 31 * Double.BYTES;
            for (SparkMetrics m : metrics.values()) {
                assertEquals(tasks, m.tasks());
                assertTrue(m.resultBytes() > tasks * 10 * 7 * Double.BYTES, "results come back: " + m);
            }
            assertEquals(tasks, metrics.get("spark-copy").imageCopies(), "a copy in every task's data");
            assertEquals(tasks, metrics.get("spark-closure").imageCopies(), "every task deserialises the closure");
            assertEquals(0, metrics.get("spark-broadcast").imageCopies(), "local mode reads the driver's own copy");
            assertTrue(metrics.get("spark-broadcast").broadcastBytes() >= ITERATIONS * imageBytes,
                    "one image broadcast per iteration: " + metrics.get("spark-broadcast"));
            assertTrue(metrics.get("spark-closure").broadcastBytes() >= ITERATIONS * imageBytes,
                    "the closure travels as the task binary's broadcast: " + metrics.get("spark-closure"));
            assertTrue(metrics.get("spark-copy").broadcastBytes() < imageBytes,
                    "the image is in the tasks, not in a broadcast: " + metrics.get("spark-copy"));
        }
    }

    @Test
    void eachIterationIsOneLabelledJob(JavaSparkContext sc) {
        ImageInputs inputs = inputs();
        ImageParams params = new ImageParams(2, 5, Convolution.STRIDED, 2);
        try (SparkHandle spark = SparkHandle.wrap(sc)) {
            // the context is shared with the other tests: look at the jobs this run adds
            List<Integer> before = ids(sc.statusTracker().getJobIdsForGroup("image-spark-broadcast"));
            ImageWorkload.run(new SparkBroadcastImage(), inputs, params, spark);
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
