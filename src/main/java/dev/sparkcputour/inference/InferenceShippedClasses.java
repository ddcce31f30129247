package dev.sparkcputour.inference;

import dev.sparkcputour.spark.ShippedClasses;
import java.util.List;

/** The inference workload's broadcast: the model's weights and test images. */
public final class InferenceShippedClasses implements ShippedClasses {

    @Override
    public List<Class<?>> classes() {
        return List.of(ModelWeights.class);
    }
}
