package dev.sparkcputour.image;

import dev.sparkcputour.spark.ShippedClasses;
import java.util.List;

/** The image workload's task data: spark-copy's (image, filter) pairs and spark-bands' bands. */
public final class ImageShippedClasses implements ShippedClasses {

    @Override
    public List<Class<?>> classes() {
        return List.of(SparkCopyImage.ImageAndFilter.class, SparkBandsImage.Band.class, Bands.Rows.class);
    }
}
