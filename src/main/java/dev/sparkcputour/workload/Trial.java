package dev.sparkcputour.workload;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * One strategy of one workload, ready to run: {@code work} computes the answer as text (the
 * form in which answers are compared), {@code settings} describes the run once Spark is up, and
 * {@code counts} says what the last run of {@code work} counted (e.g. {@code inits}), if anything.
 */
public record Trial(String workload, String strategy, boolean usesSpark,
                    Supplier<Map<String, Object>> settings, Callable<String> work,
                    Supplier<Map<String, Long>> counts) {

    /** A trial whose runs count nothing. */
    public Trial(String workload, String strategy, boolean usesSpark, Supplier<Map<String, Object>> settings,
                 Callable<String> work) {
        this(workload, strategy, usesSpark, settings, work, Map::of);
    }
}
