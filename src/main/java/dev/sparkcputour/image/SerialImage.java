package dev.sparkcputour.image;

import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.SerialStrategy;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One filter after another on one core. */
public final class SerialImage implements ImageStrategy, SerialStrategy {

    @Override
    public List<INDArray> convolveAll(ImageJob job, SparkHandle spark) {
        int stride = job.params().stride();
        return job.filters().stream()
                .map(filter -> job.params().kernel().convolve(job.image(), filter, stride))
                .toList();
    }
}
