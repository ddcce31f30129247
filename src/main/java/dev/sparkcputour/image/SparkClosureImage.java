package dev.sparkcputour.image;

import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.spark.ShippedArray;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.MemoryNeed;
import dev.sparkcputour.workload.SparkStrategy;
import java.util.List;
import org.apache.spark.util.LongAccumulator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The image captured by the task function: Spark serialises it once per stage into the task
 * binary (a broadcast), but every task deserialises its own copy of that binary.
 */
public final class SparkClosureImage implements ImageStrategy, SparkStrategy {

    @Override
    public String name() {
        return "spark-closure";
    }

    /** The task binary while it is serialised and as broadcast pieces; each running task's own image. */
    @Override
    public MemoryNeed memoryNeed(long imageBytes, long resultBytes, int concurrentTasks) {
        return ImageStrategy.base(imageBytes, resultBytes)
                .plus(resultBytes + 3L * imageBytes, (long) concurrentTasks * imageBytes);
    }

    @Override
    public List<INDArray> convolveAll(ImageJob job, SparkHandle spark) {
        ShippedArray image = ShippedArray.of(job.image());
        LongAccumulator copies = Shipping.imageCopies(spark);
        List<ShippedArray> filters = Shipping.ship(job.filters());
        Convolution kernel = job.params().kernel();
        int stride = job.params().stride();
        return spark.run(job.label(name(), "image captured in the closure"), sc -> Shipping.unship(
                spark.faults().inject(sc.parallelize(filters, filters.size()))
                        .map(filter -> ShippedArray.of(kernel.convolve(image.arrayCountingCopy(copies), filter.array(), stride)))
                        .collect()));
    }
}
