package dev.sparkcputour.inference;

import dev.sparkcputour.parallel.WorkerPool;
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
        // one pool for every round, as the blog's actors live across its rounds
        try (Model model = Model.load(params.source());
             WorkerPool pool = new WorkerPool(params.threads(), "inference-worker")) {
            List<Callable<byte[]>> round = Collections.nCopies(params.workers(), model::classify);
            for (int r = 0; r < params.rounds(); r++) {
                labels.addAll(pool.invokeAll(round));
            }
        }
        return new Outcome(labels, 1);
    }
}
