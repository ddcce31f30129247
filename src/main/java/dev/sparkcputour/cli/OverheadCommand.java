package dev.sparkcputour.cli;

import dev.sparkcputour.config.Defaults;
import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.kernel.RandomArrays;
import dev.sparkcputour.spark.JobLabel;
import dev.sparkcputour.spark.SchedulingOverhead;
import dev.sparkcputour.spark.SchedulingOverhead.DataMovement;
import dev.sparkcputour.spark.SchedulingOverhead.Measurement;
import dev.sparkcputour.spark.SparkHandle;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code overhead}: Spark's fixed per-job and per-task cost on this master, from empty jobs, and
 * what moving the tutorial's image and results costs before any arithmetic.
 */
@Command(name = "overhead", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure Spark's fixed cost per job and per task with empty jobs, and the cost of",
            "moving the tutorial's image (a broadcast) and its results (a job returning them) with no arithmetic."})
public final class OverheadCommand implements Callable<Integer> {

    private static final int MANY_TASKS = 64;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    private int jobs = 50;

    @Option(names = "--jobs", paramLabel = "J", defaultValue = "50",
            description = "Timed empty jobs per task count, after as many untimed (default: ${DEFAULT-VALUE}).")
    void setJobs(int value) {
        jobs = (int) Usage.atLeast(spec, "--jobs", value, 1);
    }

    @Override
    public Integer call() {
        try (SparkHandle spark = Sparks.handle("overhead", run, spec)) {
            int side = Defaults.IMAGE_SIZE;
            int tasks = Defaults.IMAGE_FILTERS;
            long resultSide = Convolution.outputSize(side, Defaults.FILTER_SIZE, Defaults.IMAGE_STRIDE);
            INDArray image = RandomArrays.uniform(side, side, Defaults.SEED);
            List<Measurement> m = spark.run(new JobLabel("overhead", "overhead · empty jobs", "empty job"),
                    sc -> SchedulingOverhead.measure(sc, jobs, 1, tasks, MANY_TASKS));
            DataMovement moved = spark.run(new JobLabel("overhead", "overhead · image data, no arithmetic",
                    "broadcast the image; return one result per task"),
                    sc -> SchedulingOverhead.measureDataMovement(sc, jobs, image, tasks, new long[] {resultSide, resultSide}));
            double perJob = m.get(0).medianSeconds();
            double perTask = (m.get(2).medianSeconds() - perJob) / (MANY_TASKS - 1);
            PrintWriter out = spec.commandLine().getOut();
            for (Measurement each : m) {
                out.printf(Locale.ROOT, "empty job, %d task(s): %35.2f ms%n", each.tasks(), each.medianSeconds() * 1e3);
            }
            out.printf(Locale.ROOT, "broadcast of a %d×%d image (%.1f MB): %24.2f ms%n", side, side,
                    mb(image.length()), moved.broadcastSeconds() * 1e3);
            out.printf(Locale.ROOT, "job of %d tasks, each returning a %d×%d result (%.1f MB): %5.2f ms%n", tasks,
                    resultSide, resultSide, mb(tasks * resultSide * resultSide), moved.resultsJobSeconds() * 1e3);
            out.printf(Locale.ROOT, "per job ~ %.2f ms, per extra task ~ %.3f ms of wall time on %s (%d cores); medians of %d%n",
                    perJob * 1e3, perTask * 1e3, spark.master(), spark.context().defaultParallelism(), jobs);
            out.printf(Locale.ROOT, "an image iteration of spark-broadcast costs ~ %.1f ms before any arithmetic"
                    + " (broadcast + results job)%n", (moved.broadcastSeconds() + moved.resultsJobSeconds()) * 1e3);
            return ExitCodes.OK;
        }
    }

    private static double mb(long doubles) {
        return doubles * (double) Double.BYTES / 1e6;
    }
}
