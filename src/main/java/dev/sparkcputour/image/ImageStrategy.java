package dev.sparkcputour.image;

import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.MemoryNeed;
import dev.sparkcputour.workload.Strategy;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One way to convolve an image with several filters. Implementations compute and return; they never print. */
public interface ImageStrategy extends Strategy {

    /**
     * Whether this strategy can run beside {@code kernel}, the kernel chosen for the others: true
     * unless it convolves with a kernel of its own whose sums would differ in the last bits, so its
     * answer could not be checked against theirs.
     */
    default boolean supports(Convolution kernel) {
        return true;
    }

    /**
     * The threads of the pool this strategy's iterations share ({@link ImageJob#pool()}), made once
     * per run before the first, as the tutorial makes its {@code Pool} once for its ten iterations;
     * the pool also checksums each iteration's results, one result per thread at a time, so the
     * answer has the same bits however many. 0 for none: the driver's thread checksums.
     */
    default int poolThreads(ImageParams params) {
        return 0;
    }

    /** The settings this strategy runs with, for the results: its pool's threads if it has one. */
    default Map<String, Object> describe(ImageInputs inputs, ImageParams params) {
        Map<String, Object> out = inputs.describe();
        out.put("iterations", params.iterations());
        out.put("stride", params.stride());
        out.put("kernel", params.kernel().cliName());
        if (poolThreads(params) > 0) {
            out.put("threads", poolThreads(params));
        }
        return out;
    }

    /**
     * The peak memory this strategy needs for an image of {@code imageBytes} and one iteration's
     * results of {@code resultBytes}, with {@code concurrentTasks} tasks running at once.
     */
    default MemoryNeed memoryNeed(long imageBytes, long resultBytes, int concurrentTasks) {
        return base(imageBytes, resultBytes);
    }

    /** What every strategy needs: the image, and this and the previous iteration's results. */
    static MemoryNeed base(long imageBytes, long resultBytes) {
        return MemoryNeed.NONE.plus(0, imageBytes + 2 * resultBytes);
    }

    /** The results of one iteration, one per filter, in filter order, all on the driver. */
    List<INDArray> convolveAll(ImageJob job, SparkHandle spark);
}
