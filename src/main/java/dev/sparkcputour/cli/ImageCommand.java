package dev.sparkcputour.cli;

import dev.sparkcputour.harness.Harness;
import dev.sparkcputour.harness.Strategies;
import dev.sparkcputour.image.ImageInputs;
import dev.sparkcputour.image.ImageStrategy;
import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.io.ImageFiles;
import dev.sparkcputour.io.NpyFormat;
import dev.sparkcputour.report.AtomicFiles;
import dev.sparkcputour.results.Machine;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.spark.SparkHandle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
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

    @Spec
    private CommandSpec spec;

    @Mixin
    private ImageOptions workload;

    @Mixin
    private ThreadsOption threads;

    @Mixin
    private RunOptions run;

    private List<ImageStrategy> strategies = Strategies.image(Strategies.ALL);
    private boolean strategyNamed;
    private Path output;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = Strategies.ALL,
            description = "serial, threads, spark-copy, spark-closure, spark-broadcast, threads-bands, spark-bands"
                    + " or all (default: ${DEFAULT-VALUE}).")
    void setStrategy(String name) {
        strategies = Usage.choose(spec, "--strategy", () -> Strategies.image(name));
        strategyNamed = !name.equals(Strategies.ALL);
    }

    @Option(names = "--kernel", paramLabel = "NAME", defaultValue = "vector",
            description = "vector (the direct loop unrolled, vectorised at stride 1), strided (the plain direct loop,"
                    + " the same bits) or nd4j (ND4J's conv2d) (default: ${DEFAULT-VALUE}).")
    void setKernel(String name) {
        workload.kernel(Usage.choose(spec, "--kernel", () -> Convolution.byName(name)));
    }

    @Option(names = "--output", paramLabel = "OUT.npy",
            description = "Write the last iteration's results as one k×h×w .npy (and a PNG of the first next to it).")
    void setOutput(Path file) {
        output = Usage.writableFile(spec, "--output", file);
        Usage.writableFile(spec, "--output", pngBeside(file));
    }

    @Override
    public Integer call() throws Exception {
        ImageOptions.useDoubles();
        List<ImageStrategy> runnable = workload.runnable(strategies, strategyNamed);
        try (SparkHandle spark = Sparks.handle("image", run, spec)) {
            ImageInputs inputs = workload.load(runnable, spark.master());
            AtomicReference<List<INDArray>> lastResults = new AtomicReference<>();
            Harness harness = new Harness(run.warmup(), run.repeat(), spec.commandLine().getErr()::println,
                    Machine.Nd4jInfo.describe());
            Report report = harness.run(Strategies.imageTrials(runnable, inputs, workload.params(threads.threads()),
                    spark, results -> lastResults.compareAndSet(null, results)), spark);
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

    /** The last iteration's results as one k×h×w .npy, and the first filter's result as a PNG beside it. */
    private void writeOutput(List<INDArray> results) throws IOException {
        INDArray stack = Nd4j.stack(0, results.toArray(INDArray[]::new));
        AtomicFiles.write(output, out -> NpyFormat.write(stack, out));
        Path png = pngBeside(output);
        AtomicFiles.write(png, out -> ImageFiles.writePng(results.get(0), out));
        spec.commandLine().getErr().println("results written to " + output + " and " + png);
    }

    /** OUT.png beside OUT.npy. */
    private static Path pngBeside(Path npy) {
        String name = npy.getFileName().toString();
        return npy.resolveSibling((name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name) + ".png");
    }
}
