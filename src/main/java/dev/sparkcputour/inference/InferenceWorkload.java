package dev.sparkcputour.inference;

import dev.sparkcputour.workload.Workload;
import dev.sparkcputour.workload.WorkloadOptions;
import java.util.List;

/**
 * The blog's expensive initialisation: every worker loads a 784-512-10 network and 70,000
 * MNIST-like images, then classifies the same 10,000 test images, ten rounds of one task per worker.
 */
public final class InferenceWorkload implements Workload {

    static final String NAME = "inference";

    /** The forward pass is ND4J's matrix product; there is no other kernel to choose. */
    static final String KERNEL = "nd4j";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Classify MNIST-like images with a model that is expensive to load: once, per task, per executor or broadcast.";
    }

    @Override
    public List<String> strategies() {
        return InferenceStrategies.ALL.stream().map(InferenceStrategy::name).toList();
    }

    @Override
    public List<String> kernels() {
        return List.of(KERNEL);
    }

    /** Not one of the tutorial's two: {@code compare --workloads inference} asks for it. */
    @Override
    public boolean comparedByDefault() {
        return false;
    }

    @Override
    public WorkloadOptions newOptions() {
        return new InferenceOptions();
    }
}
