package dev.sparkcputour.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Spark's fixed cost, measured with jobs that do nothing: the wall time of an empty job with
 * one task is the per-job cost; the growth with the task count, the per-task cost.
 */
public final class SchedulingOverhead {

    /** Median wall seconds of an empty job at each task count. */
    public record Measurement(int tasks, double medianSeconds) {
    }

    private SchedulingOverhead() {
    }

    /** Times {@code jobs} empty jobs (after as many untimed ones) for each task count. */
    public static List<Measurement> measure(JavaSparkContext sc, int jobs, int... taskCounts) {
        List<Measurement> out = new ArrayList<>();
        for (int tasks : taskCounts) {
            List<Integer> numbers = IntStream.range(0, tasks).boxed().toList();
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < 2 * jobs; i++) {
                long start = System.nanoTime();
                sc.parallelize(numbers, tasks).foreachPartition(ignored -> { });
                if (i >= jobs) {
                    seconds.add((System.nanoTime() - start) / 1e9);
                }
            }
            Collections.sort(seconds);
            out.add(new Measurement(tasks, seconds.get(seconds.size() / 2)));
        }
        return out;
    }
}
