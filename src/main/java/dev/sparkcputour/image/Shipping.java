package dev.sparkcputour.image;

import dev.sparkcputour.spark.ShippedArray;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.spark.TaskMetricsListener;
import java.util.List;
import org.apache.spark.util.LongAccumulator;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the Spark image strategies share: arrays in and out of Spark, the counted image. */
final class Shipping {

    private Shipping() {
    }

    /** The counter of image copies that tasks deserialised (see {@link ShippedArray#arrayCountingCopy}). */
    static LongAccumulator imageCopies(SparkHandle spark) {
        return spark.counter(TaskMetricsListener.IMAGE_COPIES);
    }

    static List<ShippedArray> ship(List<INDArray> arrays) {
        return arrays.stream().map(ShippedArray::of).toList();
    }

    static List<INDArray> unship(List<ShippedArray> shipped) {
        return shipped.stream().map(ShippedArray::array).toList();
    }
}
