package dev.sparkcputour.image;

import dev.sparkcputour.parallel.WorkerPool;
import dev.sparkcputour.spark.JobLabel;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One iteration of the image workload: convolve the image with every filter, on the run's
 * {@code pool} when the strategy asked for one ({@link ImageStrategy#poolThreads}), else null.
 */
public record ImageJob(ImageInputs inputs, ImageParams params, int iteration, WorkerPool pool) {

    public INDArray image() {
        return inputs.image();
    }

    public List<INDArray> filters() {
        return inputs.filters();
    }

    /** The UI label of a strategy's job, e.g. {@code image · spark-broadcast · 3000×3000 · iteration 3/10}. */
    public JobLabel label(String strategy, String howTheImageTravels) {
        String description = "image · " + strategy + " · " + inputs.size() + " · iteration "
                + iteration + "/" + params.iterations();
        String callSite = "convolve " + inputs.size() + " image with " + filters().size() + " filters, "
                + howTheImageTravels;
        return new JobLabel("image-" + strategy, description, callSite);
    }
}
