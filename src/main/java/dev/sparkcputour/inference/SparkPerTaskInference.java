package dev.sparkcputour.inference;

import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.MemoryNeed;
import dev.sparkcputour.workload.SparkStrategy;

/**
 * Every task initialises its own model (the blog's multiprocessing pool): only the model's source,
 * a path, travels in the closure, and each task reads the files, decodes the images and builds the
 * arrays again, then frees them when its batch is done. Initialisations: one per task.
 */
final class SparkPerTaskInference implements InferenceStrategy, SparkStrategy {

    @Override
    public String name() {
        return "spark-per-task";
    }

    /** A model and a batch per running task (none in this JVM on a cluster). */
    @Override
    public MemoryNeed memoryNeed(Footprint footprint) {
        return footprint.loadsThenBatches(footprint.taskSlots(), footprint.taskSlots());
    }

    @Override
    public Outcome classifyAll(InferenceParams params, SparkHandle spark) throws Exception {
        ModelSource source = params.source();
        return SparkRounds.counting(spark, inits -> SparkRounds.run(spark, params, name(), "the model loaded in every task",
                worker -> {
                    try (Model model = Model.load(source)) {
                        inits.add(1);
                        return model.classify();
                    }
                }));
    }
}
