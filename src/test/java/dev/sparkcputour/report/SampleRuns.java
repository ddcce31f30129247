package dev.sparkcputour.report;

import dev.sparkcputour.results.Machine;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.results.SparkMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/** Runs with chosen times and task metrics, three timed repetitions each, for the chart tests. */
final class SampleRuns {

    private SampleRuns() {
    }

    static Machine machine(String master) {
        return new Machine(2, "17", "4.2.0", master, "org.apache.spark.serializer.KryoSerializer", "cpu", "jvm",
                "not loaded", "not loaded", "0123456789abcdef", Optional.empty());
    }

    static Report report(String master, RunResult... runs) {
        return new Report(machine(master), List.of(runs), OptionalDouble.empty(), Optional.empty());
    }

    static RunResult serial(String strategy, double median) {
        return run(strategy, median, Map.of(), Optional.empty());
    }

    static RunResult threads(String strategy, double median) {
        return run(strategy, median, Map.of("threads", 2), Optional.empty());
    }

    /** A Spark run whose every timed repetition ran {@code jobs} jobs of {@code tasks} tasks in all, with these summed task seconds. */
    static RunResult spark(String strategy, double median, long tasks, int jobs, double deserialise, double run,
            double serialise) {
        SparkMetrics metrics = new SparkMetrics(tasks, 0, deserialise, run, serialise, 0, 0, 0, 0,
                IntStream.range(0, 3 * jobs).boxed().toList()); // the job ids of all three timed runs
        return run(strategy, median, Map.of("partitions", tasks / jobs), Optional.of(metrics));
    }

    /** Timed runs of 0.9, 1 and 1.2 times {@code median}. */
    private static RunResult run(String strategy, double median, Map<String, Object> settings,
            Optional<SparkMetrics> metrics) {
        Map<String, Object> params = new LinkedHashMap<>(Map.of("n", 1000));
        params.putAll(settings);
        return new RunResult("primes", strategy, params, List.of(median), List.of(0.9 * median, median, 1.2 * median),
                "168", metrics);
    }
}
