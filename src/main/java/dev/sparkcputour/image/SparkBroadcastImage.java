package dev.sparkcputour.image;

import dev.sparkcputour.kernel.Convolution;
import dev.sparkcputour.spark.ShippedArray;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.MemoryNeed;
import dev.sparkcputour.workload.SparkStrategy;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The image as a broadcast variable, once per iteration ({@code ray.put}'s analogue): serialised
 * once on the driver, deserialised once per executor, and not at all in local mode, where tasks
 * read the driver's own copy. Tasks receive only their filter.
 */
public final class SparkBroadcastImage implements ImageStrategy, SparkStrategy {

    @Override
    public String name() {
        return "spark-broadcast";
    }

    /** The broadcast while it is serialised and as pieces; tasks share the driver's image in local mode. */
    @Override
    public MemoryNeed memoryNeed(long imageBytes, long resultBytes, int concurrentTasks) {
        return ImageStrategy.base(imageBytes, resultBytes).plus(resultBytes + 3L * imageBytes, 0);
    }

    @Override
    public List<INDArray> convolveAll(ImageJob job, SparkHandle spark) {
        List<ShippedArray> filters = Shipping.ship(job.filters());
        Convolution kernel = job.params().kernel();
        int stride = job.params().stride();
        LongAccumulator copies = Shipping.imageCopies(spark);
        return spark.run(job.label(name(), "image broadcast"), sc -> {
            Broadcast<ShippedArray> image = sc.broadcast(ShippedArray.of(job.image()));
            try {
                return Shipping.unship(spark.faults().inject(sc.parallelize(filters, filters.size()))
                        .map(filter -> ShippedArray.of(kernel.convolve(image.value().arrayCountingCopy(copies), filter.array(), stride)))
                        .collect());
            } finally {
                image.destroy(); // one image per iteration: do not let them pile up in the block manager
            }
        });
    }
}
