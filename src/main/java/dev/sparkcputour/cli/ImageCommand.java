package dev.sparkcputour.cli;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.config.ImageParams;
import dev.sparkcputour.harness.Harness;
import dev.sparkcputour.harness.Strategies;
import dev.sparkcputour.image.ImageInputs;
import dev.sparkcputour.image.ImageSources;
import dev.sparkcputour.image.ImageStrategy;
import dev.sparkcputour.image.MemoryNeed;
import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.kernel.ImageFiles;
import dev.sparkcputour.kernel.NpyFormat;
import dev.sparkcputour.kernel.RandomArrays;
import dev.sparkcputour.report.AtomicFiles;
import dev.sparkcputour.report.Report;
import dev.sparkcputour.spark.MasterUrl;
import dev.sparkcputour.spark.SparkHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code image}: convolves an image with several filters, ten times over, with one strategy or all. */
@Command(name = "image", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Convolve an image with random 4×4 filters, the tutorial's data-movement task.")
public final class ImageCommand implements Callable<Integer> {

    /** The largest side a generated image may have: its pixel count must stay an int. */
    private static final int MAX_SIDE = 46_340;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    private List<ImageStrategy> strategies = Strategies.image(Strategies.ALL);
    private Integer size;
    private Integer height;
    private Integer width;
    private Integer filters;
    private int iterations = Defaults.IMAGE_ITERATIONS;
    private int stride = Defaults.IMAGE_STRIDE;
    private long seed = Defaults.SEED;
    private int threads = Defaults.threads();
    private Convolution kernel = Convolution.STRIDED;

    @Option(names = "--image", paramLabel = "SOURCE", defaultValue = ImageSources.RANDOM,
            description = "zeros (the tutorial's), random (seeded noise) or a PNG, JPEG or .npy file (default: ${DEFAULT-VALUE}).")
    private String image;

    @Option(names = "--filters-file", paramLabel = "F.npy",
            description = "Filters from a k×h×w .npy file instead of random 4×4 ones.")
    private Path filtersFile;

    private Path output;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = Strategies.ALL,
            description = "serial, threads, spark-copy, spark-closure, spark-broadcast or all (default: ${DEFAULT-VALUE}).")
    void setStrategy(String name) {
        try {
            strategies = Strategies.image(name);
        } catch (IllegalArgumentException e) {
            throw Usage.error(spec, "--strategy", e.getMessage());
        }
    }

    @Option(names = "--size", paramLabel = "N", description = "An N×N generated image (default: " + Defaults.IMAGE_SIZE + ").")
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
            + Defaults.IMAGE_FILTERS + ").")
    void setFilters(int value) {
        filters = (int) Usage.inRange(spec, "--filters", value, 1, Defaults.MAX_PARTITIONS);
    }

    @Option(names = "--iterations", paramLabel = "I", defaultValue = "" + Defaults.IMAGE_ITERATIONS,
            description = "Rounds over the image (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--kernel", paramLabel = "NAME", defaultValue = "strided",
            description = "strided (a direct loop) or nd4j (ND4J's conv2d) (default: ${DEFAULT-VALUE}).")
    void setKernel(String name) {
        try {
            kernel = Convolution.byName(name);
        } catch (IllegalArgumentException e) {
            throw Usage.error(spec, "--kernel", e.getMessage());
        }
    }

    @Option(names = "--threads", paramLabel = "T", description = "Threads of the thread pool (default: one per core).")
    void setThreads(int value) {
        threads = (int) Usage.inRange(spec, "--threads", value, 1, Defaults.MAX_THREADS);
    }

    @Option(names = "--output", paramLabel = "OUT.npy",
            description = "Write the last iteration's results as one k×h×w .npy (and a PNG of the first next to it).")
    void setOutput(Path file) {
        output = Usage.writableFile(spec, "--output", file);
    }

    @Override
    public Integer call() throws Exception {
        // ND4J defaults to FLOAT; every array here is created DOUBLE explicitly, and this guards the rest
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        ImageParams params = new ImageParams(iterations, stride, kernel, threads);
        try (SparkHandle spark = Sparks.handle("image", run, spec)) {
            ImageInputs inputs = loadInputs(spark.master());
            AtomicReference<List<INDArray>> lastResults = new AtomicReference<>();
            Harness harness = new Harness(run.warmup(), run.repeat(), spec.commandLine().getErr()::println);
            Report report = harness.run(Strategies.imageTrials(strategies, inputs, params, spark,
                    results -> lastResults.compareAndSet(null, results)), spark);
            int exit = Results.publish(report, run.json(), spec);
            if (output != null) {
                writeOutput(lastResults.get());
            }
            if (run.holdUi()) {
                UiHold.hold(spark, spec.commandLine().getErr());
            }
            return exit;
        }
    }

    /** Reads or draws the inputs, refusing bad files and, before allocating, what cannot fit in memory. */
    private ImageInputs loadInputs(String master) {
        INDArray stack = loadFilters();
        INDArray picture;
        if (ImageSources.isFile(image)) {
            if (size != null || height != null || width != null) {
                throw Usage.error(spec, "--image", "a file brings its own size; drop --size, --height and --width");
            }
            picture = read("--image", Path.of(image), ImageSources::read);
            checkFits(picture.size(0), picture.size(1), stack, master);
        } else {
            if (size != null && (height != null || width != null)) {
                throw Usage.error(spec, "--size", "give --size or --height/--width, not both");
            }
            int h = height != null ? height : size != null ? size : Defaults.IMAGE_SIZE;
            int w = width != null ? width : size != null ? size : Defaults.IMAGE_SIZE;
            if ((long) h * w > Integer.MAX_VALUE) {
                throw Usage.error(spec, "--height", h + "×" + w + " pixels overflow an index (at most 2,147,483,647)");
            }
            checkFits(h, w, stack, master);
            picture = ImageSources.generated(image, h, w, seed);
        }
        String imageSource = ImageSources.isFile(image) ? image : image + (image.equals(ImageSources.RANDOM)
                ? ", seed " + seed : "");
        String filterSource = filtersFile != null ? filtersFile.toString() : "N(0,1), seed " + seed;
        return new ImageInputs(picture, ImageInputs.split(stack), imageSource, filterSource);
    }

    private INDArray loadFilters() {
        if (filtersFile == null) {
            int k = filters != null ? filters : Defaults.IMAGE_FILTERS;
            return RandomArrays.gaussian(k, Defaults.FILTER_SIZE, Defaults.FILTER_SIZE, seed);
        }
        if (filters != null) {
            throw Usage.error(spec, "--filters", "a filters file brings its own count; drop --filters");
        }
        return read("--filters-file", filtersFile, ImageSources::readFilters);
    }

    /** Filters that fit in the image, and every chosen strategy's peak memory in this JVM, checked before allocating. */
    private void checkFits(long h, long w, INDArray stack, String master) {
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
            return reader.read(file);
        } catch (NpyFormat.BadNpyException | ImageFiles.BadImageException e) {
            throw Usage.error(spec, option, e.getMessage());
        } catch (IOException e) {
            throw Usage.error(spec, option, "cannot read '" + file + "': " + e.getMessage());
        } catch (OutOfMemoryError e) {
            // the one allocation of the decoded file failed; nothing else was allocated yet
            throw Usage.error(spec, option, "'" + file + "' is too large to load into this JVM's memory");
        }
    }


    /** The last iteration's results as one k×h×w .npy, and the first filter's result as a PNG beside it. */
    private void writeOutput(List<INDArray> results) throws IOException {
        INDArray stack = Nd4j.stack(0, results.toArray(INDArray[]::new));
        AtomicFiles.write(output, out -> NpyFormat.write(stack, out));
        String name = output.getFileName().toString();
        Path png = output.resolveSibling((name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name) + ".png");
        AtomicFiles.write(png, out -> ImageFiles.writePng(results.get(0), out));
        spec.commandLine().getErr().println("results written to " + output + " and " + png);
    }
}
