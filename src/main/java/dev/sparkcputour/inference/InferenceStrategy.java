package dev.sparkcputour.inference;

import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.MemoryNeed;
import dev.sparkcputour.workload.Strategy;
import java.util.List;
import java.util.Map;

/** One way to run the rounds of batches. Implementations compute and return; they never print. */
interface InferenceStrategy extends Strategy {

    /** Every batch's labels in round then worker order, and how many times a model was initialised. */
    record Outcome(List<byte[]> labels, long inits) {
    }

    /** The settings this strategy runs with, for the results. */
    default Map<String, Object> describe(InferenceParams params) {
        return params.describe();
    }

    /** What this strategy holds at its peak in this JVM; by default one model and one batch, as serial. */
    default MemoryNeed memoryNeed(Footprint footprint) {
        return footprint.loadsThenBatches(1, 1);
    }

    /** Runs every round; {@code spark} is started only if {@link #usesSpark()}. */
    Outcome classifyAll(InferenceParams params, SparkHandle spark) throws Exception;
}
