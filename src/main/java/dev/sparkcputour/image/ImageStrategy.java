package dev.sparkcputour.image;

import dev.sparkcputour.config.ImageParams;
import dev.sparkcputour.spark.SparkHandle;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One way to convolve an image with several filters. Implementations compute and return; they never print. */
public interface ImageStrategy {

    /** The name users type after {@code --strategy}. */
    String name();

    /** Whether more cores can make it faster: what a core sweep re-runs (all but serial). */
    default boolean scalesWithCores() {
        return true;
    }

    /** Whether the strategy needs a Spark context; the harness starts it before timing anything. */
    default boolean usesSpark() {
        return false;
    }

    /** The settings this strategy runs with, for the results. */
    default Map<String, Object> describe(ImageInputs inputs, ImageParams params) {
        Map<String, Object> out = inputs.describe();
        out.put("iterations", params.iterations());
        out.put("stride", params.stride());
        out.put("kernel", params.kernel().cliName());
        return out;
    }

    /**
     * The peak memory this strategy needs for an image of {@code imageBytes} and one iteration's
     * results of {@code resultBytes}, with {@code concurrentTasks} tasks running at once.
     */
    default MemoryNeed memoryNeed(long imageBytes, long resultBytes, int concurrentTasks) {
        return MemoryNeed.base(imageBytes, resultBytes);
    }

    /** The results of one iteration, one per filter, in filter order, all on the driver. */
    List<INDArray> convolveAll(ImageJob job, SparkHandle spark);
}
