package dev.sparkcputour.image;

import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.spark.ShippedArray;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.MemoryNeed;
import dev.sparkcputour.workload.SparkStrategy;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.util.LongAccumulator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The image inside each task's data, as {@code multiprocessing.Pool.map} pickles it: the driver
 * parallelizes (image, filter) pairs, so the image is serialised into every task and
 * deserialised by every task, one copy per filter per iteration.
 */
public final class SparkCopyImage implements ImageStrategy, SparkStrategy {

    /** One task's data: the whole image and one filter. */
    record ImageAndFilter(ShippedArray image, ShippedArray filter) implements Serializable {
    }

    @Override
    public String name() {
        return "spark-copy";
    }

    /** Each running task: its serialised task on the driver (and the stream that grew to hold it), its own image. */
    @Override
    public MemoryNeed memoryNeed(long imageBytes, long resultBytes, int concurrentTasks) {
        return ImageStrategy.base(imageBytes, resultBytes)
                .plus(resultBytes + 3L * concurrentTasks * imageBytes, (long) concurrentTasks * imageBytes);
    }

    @Override
    public List<INDArray> convolveAll(ImageJob job, SparkHandle spark) {
        ShippedArray image = ShippedArray.of(job.image());
        LongAccumulator copies = Shipping.imageCopies(spark);
        List<ImageAndFilter> pairs = Shipping.ship(job.filters()).stream()
                .map(filter -> new ImageAndFilter(image, filter))
                .toList();
        Convolution kernel = job.params().kernel();
        int stride = job.params().stride();
        return spark.run(job.label(name(), "image in each task's data"), sc -> Shipping.unship(
                spark.faults().inject(sc.parallelize(pairs, pairs.size()))
                        .map(pair -> ShippedArray.of(kernel.convolve(pair.image().arrayCountingCopy(copies), pair.filter().array(), stride)))
                        .collect()));
    }
}
