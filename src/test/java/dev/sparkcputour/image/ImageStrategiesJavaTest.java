package dev.sparkcputour.image;

import dev.sparkcputour.spark.SerializerConf;
import dev.sparkcputour.support.SharedSpark;

/**
 * {@link ImageStrategiesTest} again with Java's serializer, still a choice (and the one closures
 * always go through): the same answer, and the same copies counted.
 */
@SharedSpark.SerializedWith(SerializerConf.JAVA)
class ImageStrategiesJavaTest extends ImageStrategiesTest {
}
