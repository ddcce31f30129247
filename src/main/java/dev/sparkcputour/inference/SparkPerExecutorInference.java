package dev.sparkcputour.inference;

import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.MemoryNeed;
import dev.sparkcputour.workload.SparkStrategy;
import java.util.UUID;

/**
 * A lazily initialised model per executor JVM (the blog's Ray actors): the closure carries the
 * model's source and the run's key; the first task on each executor loads the model into
 * {@link ExecutorModels}, and every later task there reuses it. Initialisations: one per executor.
 */
final class SparkPerExecutorInference implements InferenceStrategy, SparkStrategy {

    @Override
    public String name() {
        return "spark-per-executor";
    }

    /** One model in the executor (the driver's JVM in local mode), a batch per running task. */
    @Override
    public MemoryNeed memoryNeed(Footprint footprint) {
        return footprint.loadsThenBatches(Math.min(1, footprint.taskSlots()), footprint.taskSlots());
    }

    @Override
    public Outcome classifyAll(InferenceParams params, SparkHandle spark) throws Exception {
        ModelSource source = params.source();
        ExecutorModels.Key key = new ExecutorModels.Key(source, UUID.randomUUID().toString());
        return SparkRounds.counting(spark, inits -> SparkRounds.run(spark, params, name(), "the model loaded once per executor",
                worker -> ExecutorModels.get(key, () -> {
                    inits.add(1);
                    return Model.load(source);
                }).classify()));
    }
}
