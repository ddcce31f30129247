package dev.sparkcputour.image;

import dev.sparkcputour.kernel.Checksum;
import dev.sparkcputour.kernel.ResultArrays;
import dev.sparkcputour.spark.SparkHandle;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The tutorial's loop: {@code iterations} rounds of one strategy, reduced to one checksum. */
public final class ImageIterations {

    /** The checksum over every iteration and filter, and the last iteration's results. */
    public record Outcome(double checksum, List<INDArray> lastResults) {
    }

    private ImageIterations() {
    }

    /** Runs every iteration; sums are added in iteration then filter order, so equal arrays give equal answers. */
    public static Outcome run(ImageStrategy strategy, ImageInputs inputs, ImageParams params, SparkHandle spark) {
        double checksum = 0;
        List<INDArray> results = List.of();
        for (int iteration = 1; iteration <= params.iterations(); iteration++) {
            results = strategy.convolveAll(new ImageJob(inputs, params, iteration), spark);
            if (results.size() != inputs.filters().size()) {
                throw new IllegalStateException(strategy.name() + " returned " + results.size()
                        + " results for " + inputs.filters().size() + " filters");
            }
            for (INDArray result : results) {
                checksum += Checksum.sum(result);
            }
            if (iteration < params.iterations()) {
                // counted and read by nobody else: the next iteration's results are written into them
                results.forEach(ResultArrays::recycle);
            }
        }
        return new Outcome(checksum, results);
    }
}
