package dev.sparkcputour.workload;

import dev.sparkcputour.spark.SparkHandle;
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

    /** Whether a strategy called {@code name}, scaling with cores as said, belongs in the plan. */
    public boolean includes(String name, boolean scalesWithCores) {
        return (strategies.isEmpty() || strategies.contains(name)) && (!onlyScaling || scalesWithCores);
    }
}
