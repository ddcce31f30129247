package dev.sparkcputour.image;

import dev.sparkcputour.spark.SerializerConf;
import dev.sparkcputour.support.SharedSpark;

/**
 * {@link ImageStrategiesTest} again with Kryo, still a choice (its registrator and ShippedArray's
 * Kryo format): the same answer, and the same copies counted.
 */
@SharedSpark.SerializedWith(SerializerConf.KRYO)
class ImageStrategiesKryoTest extends ImageStrategiesTest {
}
