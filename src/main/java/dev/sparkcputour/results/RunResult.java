package dev.sparkcputour.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One strategy's measured runs of one workload: its settings, the seconds of each timed
 * repetition (warm-ups kept apart), the answer every repetition gave, for Spark strategies
* what Spark's listener saw (as a mean per timed repetition), what the workload counted itself
 * in each timed repetition ({@code timedCounts}, e.g. {@code inits}; none, or one map per timed
 * repetition), and how its warm-ups ended ({@code warmup}).
 */
public record RunResult(String workload, String strategy, Map<String, Object> params,
                        List<Double> warmupSeconds, List<Double> seconds, String answer,
                        Optional<SparkMetrics> sparkMetrics, List<Map<String, Long>> timedCounts,
                        WarmupOutcome warmup) {

    public RunResult {
        if (seconds.isEmpty()) {
            throw new IllegalArgumentException("a result needs at least one timed repetition");
        }
        if (!timedCounts.isEmpty() && timedCounts.size() != seconds.size()) {
            throw new IllegalArgumentException(timedCounts.size() + " counts for " + seconds.size() + " timed repetitions");
        }
        params = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        warmupSeconds = List.copyOf(warmupSeconds);
        seconds = List.copyOf(seconds);
        timedCounts = timedCounts.stream().map(c -> Collections.unmodifiableMap(new java.util.LinkedHashMap<>(c))).toList();
        Objects.requireNonNull(warmup, "warmup");
    }

    /** A result whose runs counted nothing of their own, after a fixed number of warm-ups. */
    public RunResult(String workload, String strategy, Map<String, Object> params, List<Double> warmupSeconds,
                     List<Double> seconds, String answer, Optional<SparkMetrics> sparkMetrics) {
        this(workload, strategy, params, warmupSeconds, seconds, answer, sparkMetrics, List.of(), WarmupOutcome.FIXED);
    }

    /** The same result under other parameters (a sweep adds its core count). */
    public RunResult withParams(Map<String, Object> other) {
        return new RunResult(workload, strategy, other, warmupSeconds, seconds, answer, sparkMetrics, timedCounts, warmup);
    }

    /** What the workload counted, as a mean per timed repetition, rounded, in the order first named. */
    public Map<String, Long> counts() {
        return meanCounts(timedCounts);
    }

    /** The mean of each count over {@code runs} (one map per timed run), rounded, in the order first named. */
    private static Map<String, Long> meanCounts(List<Map<String, Long>> runs) {
        Map<String, Long> sums = new java.util.LinkedHashMap<>();
        runs.forEach(run -> run.forEach((name, n) -> sums.merge(name, n, Long::sum)));
        sums.replaceAll((name, sum) -> Math.round(sum / (double) runs.size()));
        return sums;
    }

    /** The median of the timed repetitions (the mean of the middle two for an even count). */
    public double medianSeconds() {
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    public double minSeconds() {
        return Collections.min(seconds);
    }

    public double maxSeconds() {
        return Collections.max(seconds);
    }

    /** The sample standard deviation of the timed repetitions (0 for a single one). */
    public double stddevSeconds() {
        int n = seconds.size();
        if (n < 2) {
            return 0;
        }
        double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double squares = seconds.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum();
        return Math.sqrt(squares / (n - 1));
    }
}
