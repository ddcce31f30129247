package dev.sparkcputour.image;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.image.ImageInputs;
import dev.sparkcputour.image.ImageSources;
import dev.sparkcputour.image.ImageStrategy;
import dev.sparkcputour.workload.MemoryNeed;
import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.io.ImageFiles;
import dev.sparkcputour.io.NpyFormat;
import dev.sparkcputour.kernel.RandomArrays;
import dev.sparkcputour.spark.MasterUrl;
import dev.sparkcputour.workload.Scale;
import dev.sparkcputour.workload.Usage;
import dev.sparkcputour.workload.Trial;
import dev.sparkcputour.workload.TrialPlan;
import dev.sparkcputour.workload.WorkloadOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The image workload's options, shared by {@code image} and {@code compare}: where the image and
 * filters come from, their sizes, and how they are convolved. Loads the inputs, refusing bad
 * files and sizes that cannot fit in memory, and makes the trials.
 */
public final class ImageOptions implements WorkloadOptions {

    /** Sizes at each scale, for the help (constants, as annotations need). */
    static final int TINY_SIDE = 64;
    static final int TUTORIAL_SIDE = 3000;
    static final int LARGE_SIDE = 6000;
    static final int TUTORIAL_FILTERS = 10;
    static final int TINY_ITERATIONS = 2;
    static final int TUTORIAL_ITERATIONS = 10;

    /** The largest side a generated image may have: its pixel count must stay an int. */
    private static final int MAX_SIDE = 46_340;

    /** Inputs up to this size keep every product and sum of the workload far from overflow. */
    private static final double MAX_MAGNITUDE = 1e100;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private Integer size;
    private Integer height;
    private Integer width;
    private Integer filters;
    private Integer iterations;
    private ImageSizes sizes = ImageSizes.TUTORIAL;
    private final ImageOutput output = new ImageOutput();
    private int stride = Defaults.IMAGE_STRIDE;
    private long seed = Defaults.SEED;
    private Convolution kernel = Convolution.VECTOR;
    /** Whether the note on strategies left out for the kernel was printed (a sweep asks again per core count). */
    private boolean noted;

    @Option(names = "--image", paramLabel = "SOURCE", defaultValue = ImageSources.RANDOM,
            description = "zeros (the tutorial's), random (seeded noise) or a PNG, JPEG or .npy file (default: ${DEFAULT-VALUE}).")
    private String image;

    @Option(names = "--filters-file", paramLabel = "F.npy",
            description = "Filters from a k×h×w .npy file instead of random 4×4 ones.")
    private Path filtersFile;

    @Option(names = "--size", paramLabel = "N", description = "An N×N generated image (default: " + TUTORIAL_SIDE + "; --scale tiny: " + TINY_SIDE
            + ", large: " + LARGE_SIDE + ").")
    void setSize(int value) {
        size = (int) Usage.inRange(spec, "--size", value, Defaults.FILTER_SIZE, MAX_SIDE);
    }

    @Option(names = "--height", paramLabel = "H", description = "Height of a generated image.")
    void setHeight(int value) {
        height = (int) Usage.inRange(spec, "--height", value, Defaults.FILTER_SIZE, MAX_SIDE);
    }

    @Option(names = "--width", paramLabel = "W", description = "Width of a generated image.")
    void setWidth(int value) {
        width = (int) Usage.inRange(spec, "--width", value, Defaults.FILTER_SIZE, MAX_SIDE);
    }

    @Option(names = "--filters", paramLabel = "K", description = "Random filters, one per task (default: "
            + TUTORIAL_FILTERS + ").")
    void setFilters(int value) {
        filters = (int) Usage.inRange(spec, "--filters", value, 1, Defaults.MAX_PARTITIONS);
    }

    @Option(names = "--iterations", paramLabel = "I",
            description = "Rounds over the image (default: " + TUTORIAL_ITERATIONS + "; --scale tiny: " + TINY_ITERATIONS + ").")
    void setIterations(int value) {
        iterations = (int) Usage.inRange(spec, "--iterations", value, 1, 1_000_000);
    }

    @Option(names = "--stride", paramLabel = "S", defaultValue = "" + Defaults.IMAGE_STRIDE,
            description = "Keep every S-th row and column of each result, [::S, ::S] (default: ${DEFAULT-VALUE}).")
    void setStride(int value) {
        stride = (int) Usage.inRange(spec, "--stride", value, 1, MAX_SIDE);
    }

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "" + Defaults.SEED,
            description = "Seed of the random image and filters (default: ${DEFAULT-VALUE}).")
    void setSeed(long value) {
        seed = value;
    }

    @Override
    public void scale(Scale scale) {
        sizes = ImageSizes.of(scale);
    }

    @Override
    public void kernel(String name) {
        kernel = Convolution.byName(name);
    }

    @Override
    public void compareKernels(List<String> names) {
        if (names.size() > 1) {
            throw new IllegalArgumentException("one image kernel at a time: vector, strided or nd4j");
        }
        kernel = names.isEmpty() ? Convolution.VECTOR : Convolution.byName(names.get(0));
    }

    @Override
    public boolean usesNd4j() {
        return true;
    }

    @Override
    public List<Object> ownCommandOptions() {
        return List.of(output);
    }

    @Override
    public void finish(PrintWriter err) throws IOException {
        output.write(err);
    }

    @Override
    public List<Trial> trials(TrialPlan plan) {
        List<ImageStrategy> chosen = runnable(plan.chosen(ImageStrategies.ALL), plan.named());
        if (chosen.isEmpty()) {
            return List.of();
        }
        useDoubles();
        ImageInputs inputs = load(chosen, plan.spark().master());
        return ImageStrategies.trials(chosen, inputs, params(plan.threads()), plan.spark(), output::keep);
    }

    /** ND4J defaults to FLOAT; every array here is created DOUBLE explicitly, and this guards the rest. */
    private static void useDoubles() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** How to run: the iterations, stride and kernel chosen, with {@code threads} for the pool. */
    private ImageParams params(int threads) {
        return new ImageParams(iterations != null ? iterations : sizes.iterations(), stride, kernel, threads);
    }

    /**
     * The strategies of {@code chosen} that can run beside the chosen kernel. One that cannot is bad
     * input when it was {@code named} alone; otherwise it is left out, with one note on stderr.
     */
    private List<ImageStrategy> runnable(List<ImageStrategy> chosen, boolean named) {
        List<String> out = chosen.stream().filter(s -> !s.supports(kernel)).map(ImageStrategy::name).toList();
        if (out.isEmpty()) {
            return chosen;
        }
        boolean one = out.size() == 1;
        String why = (one ? "sums" : "sum") + " in another order than the " + kernel.cliName()
                + " kernel, so the answers could not be checked against each other";
        if (named) {
            throw Usage.error(spec, "--kernel", String.join(", ", out) + " " + why + "; choose another kernel or strategy");
        }
        if (!noted) {
            spec.commandLine().getErr().println("note: " + String.join(" and ", out) + " left out: " + (one ? "it " : "they ") + why);
            noted = true;
        }
        return chosen.stream().filter(s -> s.supports(kernel)).toList();
    }

    /** Reads or draws the inputs, refusing bad files and, before allocating, what cannot fit in memory. */
    private ImageInputs load(List<ImageStrategy> strategies, String master) {
        INDArray stack = loadFilters();
        INDArray picture;
        if (ImageSources.isFile(image)) {
            if (size != null || height != null || width != null) {
                throw Usage.error(spec, "--image", "a file brings its own size; drop --size, --height and --width");
            }
            picture = read("--image", Path.of(image), ImageSources::read);
            checkFits(picture.size(0), picture.size(1), stack, strategies, master);
        } else {
            if (size != null && (height != null || width != null)) {
                throw Usage.error(spec, "--size", "give --size or --height/--width, not both");
            }
            int h = height != null ? height : size != null ? size : sizes.side();
            int w = width != null ? width : size != null ? size : sizes.side();
            if ((long) h * w > Integer.MAX_VALUE) {
                throw Usage.error(spec, "--height", h + "×" + w + " pixels overflow an index (at most 2,147,483,647)");
            }
            checkFits(h, w, stack, strategies, master);
            picture = ImageSources.generated(image, h, w, seed);
        }
        String imageSource = ImageSources.isFile(image) ? image : image + (image.equals(ImageSources.RANDOM)
                ? ", seed " + seed : "");
        String filterSource = filtersFile != null ? filtersFile.toString() : "N(0,1), seed " + seed;
        return new ImageInputs(picture, ImageInputs.split(stack), imageSource, filterSource);
    }

    private INDArray loadFilters() {
        if (filtersFile == null) {
            int k = filters != null ? filters : sizes.filters();
            return RandomArrays.gaussian(k, Defaults.FILTER_SIZE, Defaults.FILTER_SIZE, seed);
        }
        if (filters != null) {
            throw Usage.error(spec, "--filters", "a filters file brings its own count; drop --filters");
        }
        return read("--filters-file", filtersFile, ImageSources::readFilters);
    }

    /** Filters that fit in the image, and every chosen strategy's peak memory in this JVM, checked before allocating. */
    private void checkFits(long h, long w, INDArray stack, List<ImageStrategy> strategies, String master) {
        if (stack.size(1) > h || stack.size(2) > w) {
            throw Usage.error(spec, filtersFile != null ? "--filters-file" : "--size", "filters of "
                    + stack.size(1) + "×" + stack.size(2) + " are larger than the " + h + "×" + w + " image");
        }
        long imageBytes = h * w * Double.BYTES;
        long resultBytes = stack.size(0) * Convolution.outputSize(h, stack.size(1), stride)
                * Convolution.outputSize(w, stack.size(2), stride) * Double.BYTES;
        int k = (int) stack.size(0);
        int concurrent = Math.min(k, MasterUrl.localSlots(master).orElse(k));
        for (ImageStrategy strategy : strategies) {
            MemoryNeed need = strategy.memoryNeed(imageBytes, resultBytes, concurrent);
            Optional<String> problem = need.exceeds(Runtime.getRuntime().maxMemory(), Pointer.maxBytes());
            if (problem.isPresent()) {
                throw Usage.error(spec, ImageSources.isFile(image) ? "--image" : "--size",
                        "a " + h + "×" + w + " image with " + strategy.name() + " " + problem.get());
            }
        }
    }

    /** Values a .npy can hold but no answer survives: NaN, infinities, and magnitudes whose products overflow. */
    private INDArray checkValues(String option, Path file, INDArray values) {
        double[] all = values.data().asDouble();
        for (int i = 0; i < all.length; i++) {
            if (!(Math.abs(all[i]) <= MAX_MAGNITUDE)) {
                throw Usage.error(spec, option, file + ": value " + all[i] + " at flat index " + i
                        + "; values must be finite and within ±" + MAX_MAGNITUDE);
            }
        }
        return values;
    }

    private interface Reader {
        INDArray read(Path file) throws IOException;
    }

    /** Reads an input file; every way it can fail is bad input, named after its option. */
    private INDArray read(String option, Path file, Reader reader) {
        if (!Files.exists(file)) {
            throw Usage.error(spec, option, "no such file '" + file + "'");
        }
        if (!Files.isRegularFile(file)) {
            throw Usage.error(spec, option, "'" + file + "' is not a file");
        }
        if (!Files.isReadable(file)) {
            throw Usage.error(spec, option, "cannot read '" + file + "' (permission denied)");
        }
        try {
            return checkValues(option, file, reader.read(file));
        } catch (NpyFormat.BadNpyException | ImageFiles.BadImageException e) {
            throw Usage.error(spec, option, e.getMessage());
        } catch (IOException e) {
            throw Usage.error(spec, option, "cannot read '" + file + "': " + e.getMessage());
        } catch (OutOfMemoryError e) {
            // the one allocation of the decoded file failed; nothing else was allocated yet
            throw Usage.error(spec, option, "'" + file + "' is too large to load into this JVM's memory");
        }
    }
}
