package dev.sparkcputour.inference;

import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.MemoryNeed;
import dev.sparkcputour.workload.SparkStrategy;
import org.apache.spark.broadcast.Broadcast;

/**
 * The driver initialises once and broadcasts the weights and test images: serialised once on the
 * driver, deserialised once per executor (and not at all in local mode, where tasks read the
 * driver's arrays), where the first task wraps them into a model in {@link ExecutorModels}.
 * Initialisations: one on the driver, plus one model built per executor.
 */
final class SparkBroadcastInference implements InferenceStrategy, SparkStrategy {

    @Override
    public String name() {
        return "spark-broadcast";
    }

    /** The driver's model and its broadcast, serialised and stored in pieces; a batch per running task. */
    @Override
    public MemoryNeed memoryNeed(Footprint footprint) {
        return footprint.loadsThenBatches(1, footprint.taskSlots()).plus(2 * footprint.modelBytes(), 0);
    }

    @Override
    public Outcome classifyAll(InferenceParams params, SparkHandle spark) throws Exception {
        return SparkRounds.counting(spark, inits -> {
            Model driverModel = Model.load(params.source()); // not closed: in local mode the tasks read these very arrays
            inits.add(1);
            Broadcast<ModelWeights> weights = spark.context().broadcast(driverModel.weights());
            try {
                ExecutorModels.Key key = new ExecutorModels.Key("broadcast " + weights.id(), spark.context().sc().applicationId());
                return SparkRounds.run(spark, params, name(), "the model broadcast once per run",
                        worker -> ExecutorModels.get(key, () -> {
                            inits.add(1);
                            return Model.of(weights.value());
                        }).classify());
            } finally {
                weights.destroy(); // one model per run: do not let them pile up in the block manager
            }
        });
    }
}
