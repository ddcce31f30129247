package dev.sparkcputour.prefixes;

import dev.sparkcputour.spark.SparkHandle;
import dev.sparkcputour.workload.Trial;
import java.util.List;

/** The prefix workload's strategies, in the order they are compared (serial first), and the trials they make. */
public final class PrefixStrategies {

    public static final List<PrefixStrategy> ALL = List.of(
            new SerialPrefixes(),
            new ThreadPoolPrefixes(),
            new SparkInTaskPrefixes(),
            new SparkRoundTripPrefixes());

    private PrefixStrategies() {
    }

    /** The trials that find the popular prefixes of {@code params} with each of {@code strategies}. */
    public static List<Trial> trials(List<PrefixStrategy> strategies, PrefixesParams params, SparkHandle spark) {
        return strategies.stream()
                .map(s -> new Trial(PrefixesWorkload.NAME, s.name(), s.usesSpark(),
                        () -> s.describe(params),
                        () -> s.popular(params, spark).answer()))
                .toList();
    }
}
