package dev.sparkcputour.inference;

import dev.sparkcputour.parallel.ThreadPools;
import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.MemoryNeed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** One model, initialised once and shared by a pool of {@code threads} threads: each round, one batch per worker. */
final class ThreadPoolInference implements InferenceStrategy {

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public java.util.Map<String, Object> describe(InferenceParams params) {
        java.util.Map<String, Object> out = params.describe();
        out.put("threads", params.threads());
        return out;
    }

    /** One model, a batch on every thread. */
    @Override
    public MemoryNeed memoryNeed(Footprint footprint) {
        return footprint.loadsThenBatches(1, footprint.threads());
    }

    @Override
    public Outcome classifyAll(InferenceParams params, SparkHandle spark) throws Exception {
        List<byte[]> labels = new ArrayList<>();
        try (Model model = Model.load(params.source())) {
            List<Callable<byte[]>> round = Collections.nCopies(params.workers(), model::classify);
            for (int r = 0; r < params.rounds(); r++) {
                labels.addAll(ThreadPools.invokeAll(params.threads(), "inference-worker", round));
            }
        }
        return new Outcome(labels, 1);
    }
}
