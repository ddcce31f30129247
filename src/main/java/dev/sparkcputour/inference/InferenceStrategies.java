package dev.sparkcputour.inference;

import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.Trial;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.factory.Nd4j;

/** The inference workload's strategies, in the order they are compared (serial first), and the trials they make. */
final class InferenceStrategies {

    static final List<InferenceStrategy> ALL = List.of(
            new SerialInference(),
            new ThreadPoolInference(),
            new SparkPerTaskInference(),
            new SparkPerExecutorInference(),
            new SparkBroadcastInference());

    private InferenceStrategies() {
    }

    /** The trials that run the rounds with each of {@code strategies}; each run counts its {@code inits}. */
    static List<Trial> trials(List<InferenceStrategy> strategies, InferenceParams params, SparkHandle spark) {
        return strategies.stream().map(s -> {
            AtomicLong inits = new AtomicLong();
            return new Trial(InferenceWorkload.NAME, s.name(), s.usesSpark(), () -> s.describe(params),
                    () -> {
                        InferenceStrategy.Outcome outcome = restoringBlasThreads(() -> s.classifyAll(params, spark));
                        inits.set(outcome.inits());
                        return Labels.checksum(outcome.labels());
                    },
                    () -> Map.of("inits", inits.get()));
        }).toList();
    }

    /** Batches pin BLAS to one thread ({@link Model#classify}); the other workloads get this JVM's setting back. */
    private static <T> T restoringBlasThreads(Callable<T> work) throws Exception {
        Blas blas = Nd4j.factory().blas();
        int before = blas.getMaxThreads();
        try {
            return work.call();
        } finally {
            blas.setMaxThreads(before);
        }
    }
}
