package dev.sparkcputour.inference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to run: {@code rounds} rounds of one batch per worker ({@code workers} batches a round),
 * each batch the test images of {@code source} through its network; {@code threads} for the pool.
 */
record InferenceParams(ModelSource source, int images, int hidden, long seed, int rounds, int workers, int threads) {

    InferenceParams {
        if (rounds < 1 || workers < 1 || threads < 1) {
            throw new IllegalArgumentException("rounds, workers and threads must be >= 1");
        }
    }

    /** Batches in one run: the same for every strategy, so their answers compare. */
    int batches() {
        return rounds * workers;
    }

    /** The parameters that identify a run in the results, in a stable order. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("network", "784-" + hidden + "-10");
        out.put("images", images);
        out.put("test_images", source.testImages());
        out.put("rounds", rounds);
        out.put("workers", workers);
        out.put("model_seed", seed);
        out.put("model", source.folder());
        return out;
    }
}
