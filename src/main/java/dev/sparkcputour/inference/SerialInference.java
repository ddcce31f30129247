package dev.sparkcputour.inference;

import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.SerialStrategy;
import java.util.ArrayList;
import java.util.List;

/** The blog's serial loop: one initialisation, then every worker's batch of every round, one after another. */
final class SerialInference implements InferenceStrategy, SerialStrategy {

    @Override
    public Outcome classifyAll(InferenceParams params, SparkHandle spark) throws Exception {
        List<byte[]> labels = new ArrayList<>();
        try (Model model = Model.load(params.source())) {
            for (int batch = 0; batch < params.batches(); batch++) {
                labels.add(model.classify());
            }
        }
        return new Outcome(labels, 1);
    }
}
