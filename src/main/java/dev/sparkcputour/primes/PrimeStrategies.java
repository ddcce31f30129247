package dev.sparkcputour.primes;

import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.Trial;
import java.util.List;

/** The prime workload's strategies, in the order they are compared (serial first), and the trials they make. */
public final class PrimeStrategies {

    public static final List<PrimeStrategy> ALL = List.of(
            new SerialPrimes(),
            new ThreadPoolPrimes(),
            new SparkPrimes());

    private PrimeStrategies() {
    }

    /** The trials that count the primes of {@code params} with each of {@code strategies}. */
    public static List<Trial> trials(List<PrimeStrategy> strategies, PrimesParams params, SparkHandle spark) {
        return strategies.stream()
                .map(s -> new Trial(PrimesWorkload.NAME, s.label(params.kernel()), s.usesSpark(),
                        () -> s.describe(params, spark),
                        () -> Long.toString(s.countPrimes(params, spark))))
                .toList();
    }
}
