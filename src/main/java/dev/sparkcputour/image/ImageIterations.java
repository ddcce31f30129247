package dev.sparkcputour.image;

import dev.sparkcputour.kernel.Checksum;
import dev.sparkcputour.kernel.ResultArrays;
import dev.sparkcputour.parallel.WorkerPool;
import dev.sparkcputour.spark.SparkHandle;
import java.util.List;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The tutorial's loop: {@code iterations} rounds of one strategy, reduced to one checksum. */
public final class ImageIterations {

    /** The checksum over every iteration and filter, and the last iteration's results. */
    public record Outcome(double checksum, List<INDArray> lastResults) {
    }

    private ImageIterations() {
    }

    /**
     * Runs every iteration, on one pool for all of them when the strategy asks for one; sums are
     * added in iteration then filter order, so equal arrays give equal answers.
     */
    public static Outcome run(ImageStrategy strategy, ImageInputs inputs, ImageParams params, SparkHandle spark) {
        int threads = strategy.poolThreads(params);
        try (WorkerPool pool = threads > 0 ? new WorkerPool(threads, "image-" + strategy.name() + "-worker") : null) {
            double checksum = 0;
            List<INDArray> results = List.of();
            for (int iteration = 1; iteration <= params.iterations(); iteration++) {
                results = strategy.convolveAll(new ImageJob(inputs, params, iteration, pool), spark);
                if (results.size() != inputs.filters().size()) {
                    throw new IllegalStateException(strategy.name() + " returned " + results.size()
                            + " results for " + inputs.filters().size() + " filters");
                }
                for (double sum : sums(results, pool)) {
                    checksum += sum;
                }
                if (iteration < params.iterations()) {
                    // counted and read by nobody else: the next iteration's results are written into them
                    results.forEach(ResultArrays::recycle);
                }
            }
            return new Outcome(checksum, results);
        }
    }

    /** Each result's {@link Checksum#sum}, in filter order: on the pool's threads if there is one. */
    private static double[] sums(List<INDArray> results, WorkerPool pool) {
        if (pool == null || pool.threads() < 2 || results.size() < 2) {
            return results.stream().mapToDouble(Checksum::sum).toArray();
        }
        List<Callable<Double>> tasks = results.stream().<Callable<Double>>map(r -> () -> Checksum.sum(r)).toList();
        return pool.invokeAll(tasks).stream().mapToDouble(Double::doubleValue).toArray();
    }
}
