package dev.sparkcputour.inference;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.spark.MasterUrl;
import dev.sparkcputour.workload.Scale;
import dev.sparkcputour.workload.Trial;
import dev.sparkcputour.workload.TrialPlan;
import dev.sparkcputour.workload.Usage;
import dev.sparkcputour.workload.WorkloadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The inference workload's options, shared by {@code inference} and {@code compare}: the data
 * set's and network's sizes, the rounds and workers, and where the model folder is kept. Writes
 * the model folder once, before any timing, and makes the trials.
 */
public final class InferenceOptions implements WorkloadOptions {

    /** Sizes at each scale, for the help (constants, as annotations need). */
    static final int TUTORIAL_IMAGES = 70_000;
    static final int TUTORIAL_TEST_IMAGES = 10_000;
    static final int TUTORIAL_HIDDEN = 512;
    static final int TUTORIAL_ROUNDS = 10;

    /** At most this many images: their pixels (157 MB) and one batch must fit an executor's heap. */
    private static final int MAX_IMAGES = 200_000;
    private static final int MAX_HIDDEN = 8_192;
    private static final int MAX_ROUNDS = 10_000;

    /** The model folders live here unless {@code --model-dir} says otherwise: a build's scratch space. */
    static final String DEFAULT_MODEL_DIR = "target/inference-model";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private Integer images;
    private Integer testImages;
    private Integer hidden;
    private Integer rounds;
    private int workers = Defaults.threads();
    private long seed = Defaults.SEED;
    private Path modelDir = Path.of(DEFAULT_MODEL_DIR);
    private InferenceSizes sizes = InferenceSizes.TUTORIAL;

    @Option(names = "--images", paramLabel = "N", description = "Images in the data set each initialisation decodes"
            + " (default: " + TUTORIAL_IMAGES + ", MNIST's; --scale tiny: 1200).")
    void setImages(int value) {
        images = (int) Usage.inRange(spec, "--images", value, 1, MAX_IMAGES);
    }

    @Option(names = "--test-images", paramLabel = "T", description = "The last T images, classified by every batch"
            + " (default: " + TUTORIAL_TEST_IMAGES + "; --scale tiny: 200).")
    void setTestImages(int value) {
        testImages = (int) Usage.inRange(spec, "--test-images", value, 1, MAX_IMAGES);
    }

    @Option(names = "--hidden", paramLabel = "H", description = "Units of the hidden Dense layer, a 784-H-10 network"
            + " (default: " + TUTORIAL_HIDDEN + "; --scale tiny: 64, large: 2048).")
    void setHidden(int value) {
        hidden = (int) Usage.inRange(spec, "--hidden", value, 1, MAX_HIDDEN);
    }

    @Option(names = "--rounds", paramLabel = "R", description = "Rounds of one batch per worker (default: "
            + TUTORIAL_ROUNDS + "; --scale tiny: 2).")
    void setRounds(int value) {
        rounds = (int) Usage.inRange(spec, "--rounds", value, 1, MAX_ROUNDS);
    }

    @Option(names = "--workers", paramLabel = "P", description = "Batches per round, one per worker, for every"
            + " strategy (default: one per core).")
    void setWorkers(int value) {
        workers = (int) Usage.inRange(spec, "--workers", value, 1, Defaults.MAX_PARTITIONS);
    }

    @Option(names = "--model-seed", paramLabel = "SEED", defaultValue = "" + Defaults.SEED,
            description = "Seed of the images and weights (default: ${DEFAULT-VALUE}).")
    void setSeed(long value) {
        seed = value;
    }

    // no defaultValue: picocli would check the default folder in every compare, even one without this workload
    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Where the model folders are written once and reused; on a cluster, a folder every"
                    + " node sees (default: " + DEFAULT_MODEL_DIR + ").")
    void setModelDir(Path dir) {
        modelDir = usableModelDir(dir, "");
    }

    /** {@code dir} if model folders can be written into it, else a usage error ({@code given}: how it was chosen). */
    private Path usableModelDir(Path dir, String given) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw Usage.error(spec, "--model-dir", given + "'" + dir + "' is not a folder");
        }
        Usage.creatableIn(dir).ifPresent(why -> {
            throw Usage.error(spec, "--model-dir", "cannot write into " + given + "'" + dir + "' (" + why + ")");
        });
        return dir;
    }

    @Override
    public void scale(Scale scale) {
        sizes = InferenceSizes.of(scale);
    }

    @Override
    public void kernel(String name) {
        if (!InferenceWorkload.KERNEL.equals(name)) {
            throw new IllegalArgumentException("unknown kernel '" + name + "' (expected " + InferenceWorkload.KERNEL + ")");
        }
    }

    @Override
    public void compareKernels(List<String> names) {
        // only nd4j reaches here, and it is the only kernel
    }

    @Override
    public boolean usesNd4j() {
        return true;
    }

    /**
     * Refuses, before the model folder is written, sizes whose models and batches cannot fit in
     * this JVM (in local mode, the driver and its executor): {@code spark-per-task} holds a model
     * per running task. Executors on a cluster are other JVMs, sized by spark.executor.memory.
     */
    private void checkFits(List<InferenceStrategy> strategies, Footprint footprint, int images, int test, int h) {
        for (InferenceStrategy strategy : strategies) {
            strategy.memoryNeed(footprint).exceeds(Runtime.getRuntime().maxMemory(), Pointer.maxBytes()).ifPresent(problem -> {
                throw Usage.error(spec, footprint.batchOffHeap() > footprint.loadOffHeap() ? "--hidden" : "--images",
                        String.format(Locale.ROOT, "%,d images (%,d to test) through 784-%d-10 with %s on %d task slot(s)"
                                + " and %d thread(s) %s", images, test, h, strategy.name(), footprint.taskSlots(),
                                footprint.threads(), problem));
            });
        }
    }

    @Override
    public List<Trial> trials(TrialPlan plan) {
        List<InferenceStrategy> chosen = plan.chosen(InferenceStrategies.ALL);
        if (chosen.isEmpty()) {
            return List.of();
        }
        int n = images != null ? images : sizes.images();
        int test = testImages != null ? testImages : sizes.testImages();
        if (test > n) {
            throw Usage.error(spec, testImages != null ? "--test-images" : "--images", String.format(Locale.ROOT,
                    "%,d test images cannot come from a data set of %,d", test, n));
        }
        int h = hidden != null ? hidden : sizes.hidden();
        checkFits(chosen, Footprint.of(n, test, h, workers, plan.threads(),
                MasterUrl.localSlots(plan.spark().master()).orElse(0)), n, test, h);
        usableModelDir(modelDir, modelDir.equals(Path.of(DEFAULT_MODEL_DIR)) ? "the default folder " : "");
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); // every array is made DOUBLE; this guards the rest
        Path folder;
        try {
            folder = ModelFolder.ensure(modelDir, n, h, seed, spec.commandLine().getErr()::println);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model folder under " + modelDir + ": " + e.getMessage(), e);
        }
        InferenceParams params = new InferenceParams(ModelSource.of(folder, test), n, h, seed,
                rounds != null ? rounds : sizes.rounds(), workers, plan.threads());
        return InferenceStrategies.trials(chosen, params, plan.spark());
    }
}
