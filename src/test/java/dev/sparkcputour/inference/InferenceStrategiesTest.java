package dev.sparkcputour.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.support.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inference strategies on the shared local context at a tiny size: one answer, every batch
 * identical, and exactly the initialisations each claims (in local mode the one executor is the driver).
 */
@ExtendWith(SharedSpark.class)
class InferenceStrategiesTest {

    private static final int IMAGES = 300;
    private static final int TEST_IMAGES = 60;
    private static final int HIDDEN = 32;
    private static final int ROUNDS = 2;
    private static final int WORKERS = 3;

    @TempDir
    static Path dir;

    private static Path folder;

    @BeforeAll
    static void writeTheModel() throws IOException {
        folder = ModelFolder.ensure(dir, IMAGES, HIDDEN, 7, line -> { });
    }

    private static InferenceParams params() {
        return new InferenceParams(ModelSource.of(folder, TEST_IMAGES), IMAGES, HIDDEN, 7, ROUNDS, WORKERS, 2);
    }

    @Test
    void everyStrategyGivesTheSerialLabelsAndInitialisesAsOftenAsItClaims(JavaSparkContext sc) throws Exception {
        SparkHandle spark = SparkHandle.wrap(sc);
        Map<String, Long> inits = new LinkedHashMap<>();
        byte[] first = null;
        for (InferenceStrategy strategy : InferenceStrategies.ALL) {
            InferenceStrategy.Outcome outcome = strategy.classifyAll(params(), spark);
            assertEquals(ROUNDS * WORKERS, outcome.labels().size(), strategy.name());
            for (byte[] labels : outcome.labels()) {
                first = first == null ? labels : first;
                assertArrayEquals(first, labels, strategy.name() + ": every batch, every strategy, the same labels");
            }
            inits.put(strategy.name(), outcome.inits());
        }
        byte[] labels = first;
        assertEquals(TEST_IMAGES, labels.length);
        assertTrue(IntStream.range(0, labels.length).map(i -> labels[i]).distinct().count() > 2, "a model that tells images apart");
        assertEquals(Map.of("serial", 1L, "threads", 1L, "spark-per-task", (long) ROUNDS * WORKERS,
                "spark-per-executor", 1L, "spark-broadcast", 2L), inits);
    }

    @Test
    void theHolderInitialisesOncePerRunNotOncePerJvm(JavaSparkContext sc) throws Exception {
        SparkHandle spark = SparkHandle.wrap(sc);
        InferenceStrategy holder = new SparkPerExecutorInference();
        assertEquals(1, holder.classifyAll(params(), spark).inits());
        assertEquals(1, holder.classifyAll(params(), spark).inits(), "a new run, a new initialisation");
    }

    /** What the command checks before writing the model: a model per running task, against one per JVM. */
    @Test
    void perTaskNeedsAModelPerRunningTaskTheOthersOne() {
        Footprint local = Footprint.of(70_000, 10_000, 512, 2, 2, 8); // two workers: two tasks at once, whatever the slots
        Footprint cluster = Footprint.of(70_000, 10_000, 512, 2, 2, 0);
        assertEquals(17L * 784 * 70_000, local.loadHeap(), "pixels, rows of doubles and ND4J's flat copy of them");
        Map<String, Long> heap = new LinkedHashMap<>();
        Map<String, Long> clusterHeap = new LinkedHashMap<>();
        for (InferenceStrategy strategy : InferenceStrategies.ALL) {
            heap.put(strategy.name(), strategy.memoryNeed(local).heapBytes() / local.loadHeap());
            clusterHeap.put(strategy.name(), strategy.memoryNeed(cluster).heapBytes() / cluster.loadHeap());
        }
        assertEquals(Map.of("serial", 1L, "threads", 1L, "spark-per-task", 2L, "spark-per-executor", 1L, "spark-broadcast", 1L),
                heap, "initialisations held at once in local mode");
        assertEquals(Map.of("serial", 1L, "threads", 1L, "spark-per-task", 0L, "spark-per-executor", 0L, "spark-broadcast", 1L),
                clusterHeap, "on a cluster the driver initialises only for serial, threads and the broadcast");
    }

    @Test
    void theFolderIsWrittenOnceAndRewrittenWhenItNoLongerMatchesItsManifest() throws IOException {
        Path images = folder.resolve(ModelFolder.IMAGES);
        FileTime written = Files.getLastModifiedTime(images);
        assertEquals(folder, ModelFolder.ensure(dir, IMAGES, HIDDEN, 7, line -> { throw new AssertionError(line); }));
        assertEquals(written, Files.getLastModifiedTime(images), "reused");

        Path other = ModelFolder.ensure(dir, 50, 8, 3, line -> { });
        byte[] whole = Files.readAllBytes(other.resolve(ModelFolder.IMAGES));
        Files.write(other.resolve(ModelFolder.IMAGES), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertTrue(!ModelFolder.valid(other));
        assertEquals(other, ModelFolder.ensure(dir, 50, 8, 3, line -> { }));
        assertArrayEquals(whole, Files.readAllBytes(other.resolve(ModelFolder.IMAGES)), "the same text again, from the seed");
    }

    @Test
    void aModelThatDoesNotChainIsRefusedWhenLoaded() throws IOException {
        Path bad = ModelFolder.ensure(dir, 20, 8, 5, line -> { });
        Path config = bad.resolve(ModelFolder.CONFIG);
        Files.writeString(config, Files.readString(config).replace("\"units\" : 8", "\"units\" : 9"));
        IOException e = assertThrows(IOException.class, () -> Model.load(ModelSource.of(bad, 10)));
        assertTrue(e.getMessage().contains("dense_1.kernel.npy has shape [784, 8], the layers need [784, 9]"), e.getMessage());
        assertThrows(IOException.class, () -> Model.load(ModelSource.of(folder, IMAGES + 1)), "more test images than images");
        assertNotEquals(bad, folder);
    }
}
