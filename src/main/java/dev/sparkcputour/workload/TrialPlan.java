package dev.sparkcputour.workload;

import dev.sparkcputour.spark.SparkHandle;
import java.util.List;
import java.util.Set;

/**
 * Which trials to make: the strategies named ({@code strategies}, empty for all; {@code named}
 * when the user chose one on purpose, so one that cannot run is an error rather than a note),
 * on {@code threads} threads, only those that scale with cores for a sweep, on {@code spark}.
 */
public record TrialPlan(Set<String> strategies, boolean named, int threads, boolean onlyScaling, SparkHandle spark) {

    public TrialPlan {
        strategies = Set.copyOf(strategies);
    }

    /** The strategies of {@code all} that belong in the plan, in their order. */
    public <S extends Strategy> List<S> chosen(List<S> all) {
        return all.stream().filter(this::includes).toList();
    }

    /** Whether {@code strategy} was named (or none was) and, for a sweep, scales with cores. */
    private boolean includes(Strategy strategy) {
        return (strategies.isEmpty() || strategies.contains(strategy.name()))
                && (!onlyScaling || strategy.scalesWithCores());
    }
}
